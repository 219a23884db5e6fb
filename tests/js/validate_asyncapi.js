// Parses an AsyncAPI document with the official parser (@asyncapi/parser) and prints its
// diagnostics as JSON: {errors: [...], warnings: [...]}. Exit 1 when it reports any error.
// Used by tests/test_asyncapi.py: node validate_asyncapi.js <file>
"use strict";
const fs = require("fs");
const { Parser, DiagnosticSeverity } = require("@asyncapi/parser");

async function main() {
  const text = fs.readFileSync(process.argv[2], "utf8");
  const { document, diagnostics } = await new Parser().parse(text);
  const brief = (d) => ({ code: d.code, message: d.message, path: d.path.join("/") });
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map(brief);
  const warnings = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).map(brief);
  const channels = document ? document.channels().length : 0;
  const messages = document ? document.allMessages().length : 0;
  process.stdout.write(JSON.stringify({ errors, warnings, channels, messages }) + "\n");
  process.exit(errors.length || !document ? 1 : 0);
}

main().catch((err) => {
  process.stdout.write(JSON.stringify({ errors: [{ code: "crash", message: String(err) }] }) + "\n");
  process.exit(1);
});
