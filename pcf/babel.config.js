// Babel configuration of the pcf-scripts build (pcf-scripts' babel-loader reads a project's
// babel.config.js next to its own presets). One plugin: the rulebook's RULES carry admin text for
// Salesforce (each rule's `formula` and `description`, written into the generated validation rules)
// that the control never reads; dropping those two properties from the control's copy keeps the
// bundle within its budget. Messages and checks stay: the control runs the same rules.
const RULEBOOK = /[\\/]lwc[\\/]pactRules[\\/][^\\/]+\.js$/;
const ADMIN_ONLY = new Set(['formula', 'description']);

function dropAdminText({ types: t }) {
    return {
        name: 'pact-drop-rulebook-admin-text',
        visitor: {
            VariableDeclarator(path, state) {
                if (!RULEBOOK.test(state.filename ?? '')) return;
                if (!t.isIdentifier(path.node.id, { name: 'RULES' }) || !t.isArrayExpression(path.node.init)) return;
                for (const rule of path.node.init.elements) {
                    if (!t.isObjectExpression(rule)) continue;
                    rule.properties = rule.properties.filter(
                        (p) => !(t.isObjectProperty(p) && t.isIdentifier(p.key) && ADMIN_ONLY.has(p.key.name))
                    );
                }
            }
        }
    };
}

module.exports = { plugins: [dropAdminText] };
