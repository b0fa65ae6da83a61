// One jest run, several projects: LWC components (sfdx-lwc-jest), Node-side TypeScript
// (rulebook, metadata, CLI), and the browser tests. Areas add their project here.
const { jestConfig: lwcJestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const tsTransform = {
    '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: { allowJs: true, esModuleInterop: true, isolatedModules: true } }]
};

module.exports = {
    reporters: ['default', '<rootDir>/tests/reporters/summary-line.js'],
    projects: [
        {
            ...lwcJestConfig,
            displayName: 'lwc',
            rootDir: __dirname,
            roots: ['<rootDir>/force-app'],
            testMatch: ['**/lwc/**/__tests__/**/*.test.js'],
            moduleNameMapper: {
                '^lightning/modal$': '<rootDir>/force-app/test/jest-mocks/lightning/modal',
                '^lightning/logger$': '<rootDir>/force-app/test/jest-mocks/lightning/logger',
                '^lightning/actions$': '<rootDir>/force-app/test/jest-mocks/lightning/actions',
                // Form fields whose setCustomValidity/reportValidity show a message (see jest-mocks/lightning/validity.js).
                '^lightning/(input|textarea|combobox|recordPicker)$':
                    '<rootDir>/force-app/test/jest-mocks/lightning/$1/$1'
            },
            setupFilesAfterEnv: [...(lwcJestConfig.setupFilesAfterEnv || []), '<rootDir>/force-app/test/jest-setup.js']
        },
        {
            displayName: 'node',
            rootDir: __dirname,
            testEnvironment: 'node',
            roots: ['<rootDir>/tests', '<rootDir>/scripts'],
            testMatch: ['**/*.test.ts'],
            testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/browser/'],
            transform: tsTransform
        },
        {
            // Real headless Chromium (Debian package) driven by playwright-core.
            displayName: 'browser',
            rootDir: __dirname,
            testEnvironment: 'node',
            roots: ['<rootDir>/tests/browser'],
            testMatch: ['**/*.test.ts'],
            transform: tsTransform,
            setupFilesAfterEnv: ['<rootDir>/tests/browser/lib/jest-timeout.ts']
        },
        // Dynamics 365 control (jsdom + componentframework-mock), its build wrapper and solution packer.
        '<rootDir>/pcf/jest.config.js'
    ]
};
