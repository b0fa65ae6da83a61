// Every word a rep sees in My Week comes from a custom label, so admins can translate it.
import title from '@salesforce/label/c.PACT_MyWeek_Title';
import plansHeading from '@salesforce/label/c.PACT_MyWeek_Plans';
import actionsHeading from '@salesforce/label/c.PACT_MyWeek_Actions';
import emptyPlans from '@salesforce/label/c.PACT_MyWeek_Empty_Plans';
import emptyActions from '@salesforce/label/c.PACT_MyWeek_Empty_Actions';
import loading from '@salesforce/label/c.PACT_MyWeek_Loading';
import loadError from '@salesforce/label/c.PACT_MyWeek_Load_Error';
import due from '@salesforce/label/c.PACT_MyWeek_Due';
import noDue from '@salesforce/label/c.PACT_MyWeek_No_Due';
import noDate from '@salesforce/label/c.PACT_MyWeek_No_Date';
import atAccount from '@salesforce/label/c.PACT_MyWeek_At_Account';
import overdue from '@salesforce/label/c.PACT_Action_Overdue';

export default {
    title,
    plansHeading,
    actionsHeading,
    emptyPlans,
    emptyActions,
    loading,
    loadError,
    due,
    noDue,
    noDate,
    atAccount,
    overdue
};
