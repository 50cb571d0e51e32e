#!/usr/bin/env node
// solc-shim: makes the npm solc package (solc-js) look like a native solc to forge.
// forge asks `solc --version` (it parses the "Version: x.y.z+commit..." line) and then
// runs `solc --standard-json` with the input on stdin (paths such as --allow-paths follow;
// sources arrive with their content, and imports are read from disk as a fallback).
"use strict";
const fs = require("fs");
const path = require("path");
const solc = require("solc");

const args = process.argv.slice(2);
const version = solc.version().replace(".Emscripten.clang", ".Linux.g++");

if (args.includes("--version") || args.includes("-v")) {
  process.stdout.write("solc, the solidity compiler commandline interface\nVersion: " + version + "\n");
  process.exit(0);
}
if (!args.includes("--standard-json")) {
  process.stderr.write("solc-shim: only --version and --standard-json are supported\n");
  process.exit(2);
}

const roots = [process.cwd()];
for (let i = 0; i < args.length; i++) {
  if ((args[i] === "--base-path" || args[i] === "--include-path") && args[i + 1]) roots.push(args[i + 1]);
  if (args[i] === "--allow-paths" && args[i + 1]) roots.push(...args[i + 1].split(","));
}

function findImports(p) {
  for (const root of roots) {
    const full = path.isAbsolute(p) ? p : path.join(root, p);
    try {
      return { contents: fs.readFileSync(full, "utf8") };
    } catch (_) {}
  }
  return { error: "File not found: " + p };
}

const input = fs.readFileSync(0, "utf8");
process.stdout.write(solc.compile(input, { import: findImports }));
