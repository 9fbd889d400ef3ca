"""An evidence-based decision aid about ketamine and esketamine for depression.

This package is the functional core: it never imports streamlit (see ``decision_aid.ui``).
"""
