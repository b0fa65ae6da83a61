#!/usr/bin/env node
console.log("pact bin ok")
