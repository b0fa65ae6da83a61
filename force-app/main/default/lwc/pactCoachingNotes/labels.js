// Every word shown by the coaching notes comes from a custom label, so admins can translate it.
import { COACHING_REASONS } from 'c/pactRules';
import title from '@salesforce/label/c.PACT_Coaching_Title';
import privacy from '@salesforce/label/c.PACT_Coaching_Private';
import privacyManager from '@salesforce/label/c.PACT_Coaching_Private_Manager';
import empty from '@salesforce/label/c.PACT_Coaching_Empty';
import emptyManager from '@salesforce/label/c.PACT_Coaching_Empty_Manager';
import loading from '@salesforce/label/c.PACT_Coaching_Loading';
import loadError from '@salesforce/label/c.PACT_Coaching_Load_Error';
import noAccess from '@salesforce/label/c.PACT_Coaching_No_Access';
import withManager from '@salesforce/label/c.PACT_Coaching_With_Manager';
import withRep from '@salesforce/label/c.PACT_Coaching_With_Rep';
import periodRange from '@salesforce/label/c.PACT_Coaching_Period_Range';
import periodFrom from '@salesforce/label/c.PACT_Coaching_Period_From';
import periodUntil from '@salesforce/label/c.PACT_Coaching_Period_Until';
import noPeriod from '@salesforce/label/c.PACT_Coaching_No_Period';
import older from '@salesforce/label/c.PACT_Coaching_Older';
import newNote from '@salesforce/label/c.PACT_Coaching_New';
import rep from '@salesforce/label/c.PACT_Coaching_Rep';
import repRequired from '@salesforce/label/c.PACT_Coaching_Rep_Required';
import repNotManaged from '@salesforce/label/c.PACT_Coaching_Rep_Not_Managed';
import reason from '@salesforce/label/c.PACT_Coaching_Reason';
import reasonRequired from '@salesforce/label/c.PACT_Coaching_Reason_Required';
import reasonTraining from '@salesforce/label/c.PACT_Coaching_Reason_Training';
import reasonPerformancePlan from '@salesforce/label/c.PACT_Coaching_Reason_Performance_Plan';
import periodStart from '@salesforce/label/c.PACT_Coaching_Period_Start';
import periodEnd from '@salesforce/label/c.PACT_Coaching_Period_End';
import note from '@salesforce/label/c.PACT_Coaching_Note';
import noteRequired from '@salesforce/label/c.PACT_Coaching_Note_Required';
import save from '@salesforce/label/c.PACT_Coaching_Save';
import discard from '@salesforce/label/c.PACT_Coaching_Discard';
import saved from '@salesforce/label/c.PACT_Coaching_Saved';
import saveFailed from '@salesforce/label/c.PACT_Coaching_Save_Failed';
import offline from '@salesforce/label/c.PACT_Coaching_Offline';
import draftRestored from '@salesforce/label/c.PACT_Coaching_Draft_Restored';
import draftNotStored from '@salesforce/label/c.PACT_Coaching_Draft_Not_Stored';

export default {
    title,
    privacy,
    privacyManager,
    empty,
    emptyManager,
    loading,
    loadError,
    noAccess,
    withManager,
    withRep,
    periodRange,
    periodFrom,
    periodUntil,
    noPeriod,
    older,
    newNote,
    rep,
    repRequired,
    repNotManaged,
    reason,
    reasonRequired,
    periodStart,
    periodEnd,
    note,
    noteRequired,
    save,
    discard,
    saved,
    saveFailed,
    offline,
    draftRestored,
    draftNotStored
};

const REASON_WORDS = { Training: reasonTraining, 'Performance Plan': reasonPerformancePlan };

/** Reasons from the rulebook in translated words; a value added to the rulebook before its label still shows. */
export const REASON_OPTIONS = Object.freeze(
    COACHING_REASONS.map(({ value }) => Object.freeze({ value, label: REASON_WORDS[value] ?? value }))
);
