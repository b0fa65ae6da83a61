// The pcf jest project (root jest.config.js lists it): the High Cards control in jsdom with
// @shko.online/componentframework-mock, plus the build wrapper and solution packer in Node.
const path = require('node:path');

const pcfModule = (name) => path.dirname(require.resolve(`${name}/package.json`, { paths: [__dirname] }));

module.exports = {
    displayName: 'pcf',
    rootDir: __dirname,
    roots: ['<rootDir>/tests'],
    testMatch: ['**/*.test.ts', '**/*.test.tsx'],
    testEnvironment: 'jsdom',
    transform: {
        '^.+\\.[tj]sx?$': [
            'ts-jest',
            { tsconfig: { jsx: 'react', allowJs: true, esModuleInterop: true, isolatedModules: true } }
        ]
    },
    moduleNameMapper: {
        // One React for the control, Fluent and the mock library: the workspace's React 16, never the root's.
        '^react$': pcfModule('react'),
        '^react-dom$': pcfModule('react-dom'),
        '^react-dom/(.*)$': `${pcfModule('react-dom')}/$1`,
        '^sinon$': require.resolve('sinon')
    },
    // Types generated from the manifest (git-ignored) must exist before ts-jest compiles index.ts.
    globalSetup: '<rootDir>/tests/globalSetup.js',
    setupFiles: ['<rootDir>/tests/setup.ts']
};
