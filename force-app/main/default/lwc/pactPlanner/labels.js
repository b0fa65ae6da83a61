// Every word a rep sees in the planner comes from a custom label, so admins can translate it.
import title from '@salesforce/label/c.PACT_Planner_Title';
import newPlan from '@salesforce/label/c.PACT_Planner_New';
import upcoming from '@salesforce/label/c.PACT_Planner_Upcoming';
import earlier from '@salesforce/label/c.PACT_Planner_Earlier';
import empty from '@salesforce/label/c.PACT_Planner_Empty';
import loading from '@salesforce/label/c.PACT_Planner_Loading';
import loadError from '@salesforce/label/c.PACT_Planner_Load_Error';
import noAccount from '@salesforce/label/c.PACT_Planner_No_Account';
import objective from '@salesforce/label/c.PACT_Planner_Objective';
import plannedFor from '@salesforce/label/c.PACT_Planner_Planned_For';
import contact from '@salesforce/label/c.PACT_Planner_Contact';
import questions from '@salesforce/label/c.PACT_Planner_Questions';
import desiredOutcome from '@salesforce/label/c.PACT_Planner_Desired_Outcome';
import outcome from '@salesforce/label/c.PACT_Planner_Outcome';
import save from '@salesforce/label/c.PACT_Planner_Save';
import closeForm from '@salesforce/label/c.PACT_Planner_Close_Form';
import edit from '@salesforce/label/c.PACT_Planner_Edit';
import markHeld from '@salesforce/label/c.PACT_Planner_Mark_Held';
import cancelPlan from '@salesforce/label/c.PACT_Planner_Cancel_Plan';
import confirmCancel from '@salesforce/label/c.PACT_Planner_Confirm_Cancel';
import confirmCancelYes from '@salesforce/label/c.PACT_Planner_Confirm_Cancel_Yes';
import keepPlan from '@salesforce/label/c.PACT_Planner_Keep_Plan';
import saveOutcome from '@salesforce/label/c.PACT_Planner_Save_Outcome';
import keepAsCard from '@salesforce/label/c.PACT_Planner_Keep_As_Card';
import makeCard from '@salesforce/label/c.PACT_Planner_Make_Card';
import kindRequired from '@salesforce/label/c.PACT_Planner_Kind_Required';
import cardSaved from '@salesforce/label/c.PACT_Planner_Card_Saved';
import cardKept from '@salesforce/label/c.PACT_Planner_Card_Kept';
import saved from '@salesforce/label/c.PACT_Planner_Saved';
import saveFailed from '@salesforce/label/c.PACT_Planner_Save_Failed';
import cardFailed from '@salesforce/label/c.PACT_Planner_Card_Failed';
import plannedBy from '@salesforce/label/c.PACT_Planner_Planned_By';
import noDate from '@salesforce/label/c.PACT_Planner_No_Date';
import withContact from '@salesforce/label/c.PACT_Planner_With_Contact';
import draftRestored from '@salesforce/label/c.PACT_Planner_Draft_Restored';
import draftNotStored from '@salesforce/label/c.PACT_Planner_Draft_Not_Stored';

export default {
    title,
    newPlan,
    upcoming,
    earlier,
    empty,
    loading,
    loadError,
    noAccount,
    objective,
    plannedFor,
    contact,
    questions,
    desiredOutcome,
    outcome,
    save,
    closeForm,
    edit,
    markHeld,
    cancelPlan,
    confirmCancel,
    confirmCancelYes,
    keepPlan,
    saveOutcome,
    keepAsCard,
    makeCard,
    kindRequired,
    cardSaved,
    cardKept,
    saved,
    saveFailed,
    cardFailed,
    plannedBy,
    noDate,
    withContact,
    draftRestored,
    draftNotStored
};
