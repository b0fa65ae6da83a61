import { LightningElement } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import title from '@salesforce/label/c.PACT_Charter_Title';
import intro from '@salesforce/label/c.PACT_Charter_Intro';
import dashboardLink from '@salesforce/label/c.PACT_Charter_Dashboard_Link';
import promise1 from '@salesforce/label/c.PACT_Charter_Promise_1';
import detail1 from '@salesforce/label/c.PACT_Charter_Detail_1';
import promise2 from '@salesforce/label/c.PACT_Charter_Promise_2';
import detail2 from '@salesforce/label/c.PACT_Charter_Detail_2';
import promise3 from '@salesforce/label/c.PACT_Charter_Promise_3';
import detail3 from '@salesforce/label/c.PACT_Charter_Detail_3';
import promise4 from '@salesforce/label/c.PACT_Charter_Promise_4';
import detail4 from '@salesforce/label/c.PACT_Charter_Detail_4';
import promise5 from '@salesforce/label/c.PACT_Charter_Promise_5';
import detail5 from '@salesforce/label/c.PACT_Charter_Detail_5';
import promise6 from '@salesforce/label/c.PACT_Charter_Promise_6';
import detail6 from '@salesforce/label/c.PACT_Charter_Detail_6';

/**
 * The pact between the company and the people who use PACT, in plain words.
 *
 * The promises are also shipped as PACT_Promise__mdt records, where admins see them beside the
 * rest of the configuration. This component cannot read those records: custom metadata types are
 * not supported by User Interface API, so neither lightning/graphql nor the lightning/ui*Api
 * adapters (getRecords, getListUi) can query them, and PACT uses no Apex. The component shows the
 * same promises from custom labels instead (translatable, editable in Setup); a test fails when
 * the labels and the shipped records say different things.
 * There is deliberately no "I have read this" tick box.
 */
export const PROMISES = [
    { key: 'No_Low_Cards', promise: promise1, detail: detail1 },
    { key: 'No_Tick_Boxes', promise: promise2, detail: detail2 },
    { key: 'Cards_Stay_With_Customer', promise: promise3, detail: detail3 },
    { key: 'Reports_About_Customers', promise: promise4, detail: detail4 },
    { key: 'Coaching_Stays_Private', promise: promise5, detail: detail5 },
    { key: 'What_You_Get_Back', promise: promise6, detail: detail6 }
];

const DASHBOARDS = { type: 'standard__objectPage', attributes: { objectApiName: 'Dashboard', actionName: 'home' } };

export default class PactCharter extends NavigationMixin(LightningElement) {
    labels = { title, intro, dashboardLink };
    promises = PROMISES;
    dashboardUrl = '/lightning/o/Dashboard/home';

    connectedCallback() {
        this[NavigationMixin.GenerateUrl](DASHBOARDS).then((url) => {
            this.dashboardUrl = url;
        });
    }

    handleDashboardClick(event) {
        // The Customer Voice dashboard is in the PACT dashboards folder; its Id differs per org,
        // so the link opens the dashboards home rather than a hard-coded record.
        event.preventDefault();
        this[NavigationMixin.Navigate](DASHBOARDS);
    }
}
