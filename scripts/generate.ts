// npm run generate: writes the Salesforce validation rules from the PACT rulebook (RULES in
// pactRules.js) and removes rules that the rulebook no longer has.
// npx tsx scripts/generate.ts --check: writes nothing; lists drift and exits 1 if there is any.
import * as path from 'node:path';
import { RULES } from '../force-app/main/default/lwc/pactRules/pactRules.js';
import { applyDrift, expandRules, findDrift, findRuleProblems, hasDrift, renderAll } from './lib/validation-rules';

const repoRoot = path.resolve(__dirname, '..');
const check = process.argv.includes('--check');

const problems = findRuleProblems(expandRules(RULES), repoRoot);
if (problems.length > 0) {
    console.error(`The rulebook cannot become validation rules (${problems.length} problem(s)):`);
    for (const problem of problems) console.error(`  - ${problem}`);
    process.exit(2);
}

const planned = renderAll(RULES);
const drift = findDrift(repoRoot, planned);
const lines = [
    ...drift.create.map((file) => `  missing:  ${file}`),
    ...drift.update.map((file) => `  changed:  ${file}`),
    ...drift.remove.map((file) => `  obsolete: ${file}`)
];

if (check) {
    if (hasDrift(drift)) {
        console.error('The validation rules differ from the rulebook. Run npm run generate and commit the result:');
        console.error(lines.join('\n'));
        process.exit(1);
    }
    console.log(`${planned.size} validation rules match the rulebook.`);
} else {
    applyDrift(repoRoot, planned, drift);
    console.log(
        hasDrift(drift)
            ? `Updated the validation rules from the rulebook:\n${lines
                  .join('\n')
                  .replace(/missing: /g, 'created: ')
                  .replace(/obsolete:/g, 'removed: ')}`
            : `${planned.size} validation rules already match the rulebook.`
    );
}
