/**
 * Deploy errors PACT can meet, in the server's words, each with a plain fix and where the error text
 * was seen. The facts come from public catalogues of real deploy errors (sfdx-hardis deploy tips, the
 * forcedotcom/cli issues, package issues that quote the server); the wording of the fixes is PACT's.
 */
export interface KnownError {
    id: string;
    /** Matches the server's problem text. */
    match: RegExp;
    fix: string;
    source: string;
}

export const KNOWN_ERRORS: KnownError[] = [
    {
        id: 'invalid-scope-mine',
        match: /Invalid scope:\s*Mine, not allowed/i,
        fix: 'The list view uses filterScope Mine on an object whose records have no owner (a master-detail child). Use Everything with a filter instead.',
        source: 'forcedotcom/cli#3039; sfdx-hardis deploy tip invalid-scope-mine'
    },
    {
        id: 'dynamic-dashboard-cap',
        match: /reached the limit for dashboards run as the logged-in user/i,
        fix:
            'The org has used all its dynamic dashboards (Developer 3, Enterprise 5, Performance and Unlimited 10). Free one ' +
            '(Setup > Dashboards: set another dashboard\'s "View dashboard as" to a fixed person), or run pact setup again ' +
            'with --dashboard-running-user USERNAME to deploy Customer Voice as that person (choose someone who sees every account, never a rep).',
        source: 'jongpie/NebulaLogger#247; SFDO-Community/GrantGuides#133; Help article 000385369'
    },
    {
        id: 'lwc-test-file-in-bundle',
        match: /LWC1702|Invalid LWC imported identifier "createElement"/i,
        fix: 'A Jest test reached an LWC bundle. Keep .forceignore at the project root (it leaves out **/__tests__/**) and deploy again.',
        source: 'trailheadapps/lwc-recipes#48; salesforce/sfdx-lwc-jest#157'
    },
    {
        id: 'required-field-permission',
        match: /You cannot deploy to a required field/i,
        fix: 'A permission set grants field access to a required or master-detail field; remove that fieldPermissions entry.',
        source: 'sfdx-hardis deploy tip custom-field-rights-mandatory'
    },
    {
        id: 'api-version-ahead',
        match: /apiVersion can't be "?\d+/i,
        fix: "The org runs an older release than the component's apiVersion. Lower apiVersion in that file (and sourceApiVersion in sfdx-project.json) to the org's version.",
        source: 'sfdx-hardis deploy tip api-version-error'
    },
    {
        id: 'flow-test-coverage',
        match: /(flow|process).{0,80}(test coverage|coverage)|Flow coverage/i,
        fix:
            'The org deploys flows as active ("Deploy processes and flows as active" in Process Automation Settings) and so asks for Apex ' +
            'flow test coverage, which PACT has none of. Turn that setting off, deploy, and let pact setup activate the flows.',
        source: 'Tooling API FlowTestCoverage, Usage (deploying autolaunched flows as active in production)'
    },
    {
        id: 'org-code-coverage',
        match: /Average test coverage across all Apex Classes and Triggers is \d+%, at least 75% test coverage is required/i,
        fix:
            "The validation ran the org's own Apex tests (as sf project deploy validate does) and the org's coverage is below 75%. " +
            "PACT has no Apex; ask the org's developers to raise coverage, or deploy PACT without tests: " +
            'sf project deploy start -d force-app --test-level NoTestRun -o ALIAS (no quick deploy then).',
        source: 'thedges/PSFileAttachTemplate#1; mshanemc/PowerRelatedList#7 (error text); Metadata API deployRecentValidation() requirements'
    },
    {
        id: 'unknown-user',
        match: /Cannot find a user that matches any of the following usernames|no User named .* found/i,
        fix: 'A component names a user of another org (a dashboard running user or a folder share). Name a user of this org or remove the reference.',
        source: 'sfdx-hardis deploy tips can-not-find-user, can-not-find-user-2'
    },
    {
        id: 'missing-folder',
        match: /Cannot find folder/i,
        fix: 'A report or dashboard names a folder that neither the org nor this deploy has; deploy the folder metadata with it.',
        source: 'sfdx-hardis deploy tip can-not-find-folder'
    },
    {
        id: 'field-not-found',
        match: /no CustomField named (\S+) found|Field (\S+) does not exist/i,
        fix: 'A component names a field the org does not have. Deploy the field with it, or fix the name.',
        source: 'sfdx-hardis deploy tip custom-field-not-found'
    },
    {
        id: 'sharing-model',
        match: /is not a valid sharing model for/i,
        fix: 'A detail object of a master-detail must use sharingModel ControlledByParent.',
        source: 'sfdx-hardis deploy tip not-valid-sharing-model'
    },
    {
        id: 'no-access',
        match: /Not available for deploy for this organization|insufficient access rights/i,
        fix: 'The login used may not deploy this kind of component (or the org lacks the feature). Use an admin login with Modify All Data / Customize Application.',
        source: 'sfdx-hardis deploy tips not-available-for-deploy-for-this-org, insufficient-access-right-cross-reference-id'
    }
];

export function knownError(problem: string): KnownError | undefined {
    return KNOWN_ERRORS.find((e) => e.match.test(problem));
}
