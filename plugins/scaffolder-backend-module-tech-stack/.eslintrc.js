module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  // Client modules copied into generated services: they import the services'
  // own packages (pg, ioredis, …), type-checked when a generated service builds.
  ignorePatterns: ['recipes/code/**'],
});
