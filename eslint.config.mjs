// Flat ESLint config: LWC rules for force-app, typescript-eslint for the TypeScript code,
// jest rules for tests. Each area adds its own block below.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import jestPlugin from 'eslint-plugin-jest';
import lwcConfig from '@salesforce/eslint-config-lwc';
import powerAppsPlugin from '@microsoft/eslint-plugin-power-apps';

// The jest mocks of base components are LWC modules too (decorators need the LWC parser).
const lwcFiles = ['force-app/**/lwc/**/*.js', 'force-app/test/jest-mocks/**/*.js'];
const previewBrowserFiles = ['scripts/preview/app/**/*.js', 'scripts/preview/shims/**/*.js'];
const lwcTestFiles = ['force-app/**/lwc/**/__tests__/**/*.js', 'force-app/test/**/*.js'];

export default [
    {
        ignores: [
            '**/node_modules/**',
            '**/.sfdx/**',
            '**/.sf/**',
            'coverage/**',
            'test-artifacts/**',
            '.preview-data/**',
            'pcf/**/out/**',
            'pcf/**/generated/**',
            'pcf/**/obj/**',
            'dist/**',
            '**/*.min.js'
        ]
    },
    // Lightning Web Components: the platform's own rules.
    ...lwcConfig.configs.recommended.map((config) => ({ ...config, files: lwcFiles })),
    {
        files: lwcTestFiles,
        plugins: { jest: jestPlugin },
        languageOptions: { globals: { ...globals.node, ...globals.jest } },
        rules: {
            ...jestPlugin.configs['flat/recommended'].rules,
            '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off'
        }
    },
    // TypeScript: CLI, tests, preview, PCF.
    ...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts', '**/*.tsx', '**/*.mts'] })),
    {
        files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
        }
    },
    {
        files: ['tests/**/*.ts', 'scripts/**/*.test.ts', 'pcf/**/*.test.ts', 'pcf/**/*.test.tsx'],
        plugins: { jest: jestPlugin },
        languageOptions: { globals: { ...globals.node, ...globals.jest } },
        rules: { ...jestPlugin.configs['flat/recommended'].rules }
    },
    // PCF control (Dynamics 365): Microsoft's Power Apps checker rules, as pcf-scripts build runs them.
    {
        files: ['pcf/PactHighCards/**/*.ts', 'pcf/PactHighCards/**/*.tsx'],
        plugins: { '@microsoft/power-apps': powerAppsPlugin },
        languageOptions: { globals: { ...globals.browser, ComponentFramework: 'readonly' } },
        rules: { ...powerAppsPlugin.configs.paCheckerHosted.rules }
    },
    // Plain Node scripts and config files.
    {
        files: ['**/*.mjs', '**/*.cjs', '*.js', 'config/**/*.js', 'scripts/**/*.js'],
        ...js.configs.recommended,
        languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } }
    },
    {
        files: ['**/*.cjs', 'jest.config.js', '**/jest.config.js'],
        languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
    },
    // Local preview, browser side (page runtime, platform shims): LWC rules and browser globals.
    ...lwcConfig.configs.recommended.map((config) => ({ ...config, files: previewBrowserFiles })),
    {
        files: previewBrowserFiles,
        languageOptions: { globals: { ...globals.browser } },
        // These files play the platform's part (the page, the data service), so page-level DOM access is theirs.
        rules: {
            '@lwc/lwc/no-async-operation': 'off',
            '@lwc/lwc/no-document-query': 'off',
            '@lwc/lwc/no-inner-html': 'off'
        }
    }
];
