// Compiles every .sol file of a folder with the pinned solc-js and writes NAME.abi and NAME.bin
// per deployable contract. Usage: node compile.cjs SOLC_MODULE_DIR SOURCE_DIR OUTPUT_DIR
'use strict';
const fs = require('fs');
const path = require('path');

const [solcDir, sourceDir, outputDir] = process.argv.slice(2);
const solc = require(path.resolve(solcDir));

const sources = {};
for (const file of fs.readdirSync(sourceDir).filter((f) => f.endsWith('.sol')).sort()) {
  sources[file] = { content: fs.readFileSync(path.join(sourceDir, file), 'utf8') };
}
const input = {
  language: 'Solidity',
  sources,
  settings: {
    // paris: no PUSH0, so the bytecode also runs on chains that have not adopted Shanghai
    evmVersion: 'paris',
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: (p) => ({ error: 'imports are resolved from ' + sourceDir + ' only: ' + p }) }));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const message of output.errors || []) {
  console.error(message.formattedMessage);
}
if (errors.length > 0) {
  process.exit(1);
}
fs.mkdirSync(outputDir, { recursive: true });
let written = 0;
for (const file of Object.keys(output.contracts || {})) {
  for (const [name, contract] of Object.entries(output.contracts[file])) {
    if (!contract.evm.bytecode.object) {
      continue; // abstract contracts and interfaces
    }
    fs.writeFileSync(path.join(outputDir, name + '.abi'), JSON.stringify(contract.abi));
    fs.writeFileSync(path.join(outputDir, name + '.bin'), contract.evm.bytecode.object);
    written++;
  }
}
console.log('solc ' + solc.version() + ': ' + written + ' contracts written to ' + outputDir);
