"""A bare Streamlit app of about the same size as ours, for comparison in benchmarks/load.py.

Same labels, steps and number of widgets, and a long results page, but no content pack,
tailoring or PDF: whatever our app costs beyond this is the cost of our own code.
"""

import streamlit as st

STEPS = [
    [
        (
            "Over the last 2 weeks, how often",
            ["Not at all", "Several days", "More than half", "Nearly every day"],
        )
    ],
    [
        ("During this time of depression", ["None", "One", "Two", "Three or more"]),
        ("Did you take any of them", ["Yes", "No", "Not sure"]),
    ],
    [("What is your blood pressure like?", ["Normal", "High, controlled", "High", "Not sure"])],
    [("Could someone drive you home", ["Yes", "No", "Not sure"])],
]
STAGES = [
    "The facts: what they are",
    "The facts: how well they work",
    "The facts: risks and how they are given",
    "Compare options",
    "Prepare for your visit",
]
screen = st.session_state.setdefault("screen", "welcome")
st.expander("In danger now? Call your local emergency number. Crisis lines").write("Call 988.")

if screen == "welcome":
    st.title("Welcome")
    for _ in range(6):
        st.markdown("A paragraph about what this aid is and is not. " * 6)
    if st.button("Start the questions"):
        st.session_state.update(screen="step", step=0)
        st.rerun()
elif screen == "step":
    step = st.session_state["step"]
    st.progress((step + 1) / len(STEPS), text=f"Step {step + 1} of {len(STEPS)}")
    st.title(f"Step {step + 1}")
    for label, options in STEPS[step]:
        st.radio(label, options, index=None, key=label)
        st.caption("Why we ask: a sentence of help text for this question.")
    back, forward = st.columns(2)
    back.button("Back")
    last = step == len(STEPS) - 1
    if forward.button("Next: check your answers" if last else "Next"):
        st.session_state.update(screen="check" if last else "step", step=step + 1)
        st.rerun()
elif screen == "check":
    st.title("Check your answers")
    for index in range(17):
        st.markdown(f"**Question {index}**  \nAn answer")
        st.button("Change", key=f"change_{index}")
    if st.button("See my results"):
        st.session_state.update(screen="stage", stage=0)
        st.rerun()
elif screen == "stage":
    # The staged results: What applies to you, then four more stages, each a few topics long.
    stage = st.session_state["stage"]
    st.progress((stage + 6) / 12, text=f"Step {stage + 6} of 12")
    st.title(f"Stage {stage}")
    for index in range(4):
        st.header(f"Topic {index}")
        st.markdown("Plain-language text about one topic, with numbers as natural frequencies. " * 8)
        st.expander("Sources").markdown("- A citation, with its DOI.")
    if st.button(f"Next: {STAGES[stage]}"):
        st.session_state.update(screen="stage" if stage + 1 < len(STAGES) else "prepare", stage=stage + 1)
        st.rerun()
else:
    st.title("Prepare for your visit")
    st.radio("Feeling better quickly", ["Not important", "Somewhat important", "Very important"], index=None)
    for _ in range(6):
        st.checkbox(f"Question {_ + 1} to ask your clinician")
    st.button("See my summary")
