import canonicalize from 'canonicalize';
import { writeFileSync } from 'fs';
// Numbers: RFC 8785 Appendix B style bit patterns plus a deterministic pseudo-random sweep.
const hex = ['0000000000000000','8000000000000000','0000000000000001','8000000000000001','7fefffffffffffff','ffefffffffffffff','4340000000000000','c340000000000000','4430000000000000','44b52d02c7e14af5','44b52d02c7e14af6','44b52d02c7e14af7','444b1ae4d6e2ef4e','444b1ae4d6e2ef4f','444b1ae4d6e2ef50','3eb0c6f7a0b5ed8c','3eb0c6f7a0b5ed8d','41b3de4355555553','41b3de4355555554','41b3de4355555555','41b3de4355555556','41b3de4355555557','becbf647612f3696','43143ff3c1cb0959'];
const view = new DataView(new ArrayBuffer(8));
const numbers = [];
for (const h of hex) { view.setBigUint64(0, BigInt('0x' + h)); numbers.push({ bits: h, text: canonicalize(view.getFloat64(0)) }); }
let seed = 20261123n;
for (let i = 0; i < 2000; i++) {
  seed = (seed * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
  view.setBigUint64(0, seed);
  const v = view.getFloat64(0);
  if (!Number.isFinite(v)) continue;
  numbers.push({ bits: seed.toString(16).padStart(16, '0'), text: canonicalize(v) });
}
for (const v of [1, 10, 100, 1e21, 1e-7, 1e-6, 0.1, 0.3, 123456789, 1.5e300, 2 ** 53, 2 ** 53 + 2, 5e-324, 0.000001234, 1e20, 12e20]) {
  view.setFloat64(0, v); numbers.push({ bits: view.getBigUint64(0).toString(16).padStart(16, '0'), text: canonicalize(v) });
}
const documents = [
  '{"b":2,"a":1,"c":{"z":[3,2,1],"y":null,"x":true}}',
  '{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}',
  '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
  '["\\u0000\\u0001\\u001f\\u007f","\\t\\n\\b\\f\\r","\\u2028\\u2029","é",""]',
  '{"peach":"This sorting order","péché":"is wrong according to French","pêche":"but canonicalization MUST","sin":"ignore locale"}',
  '{"":"empty key","a":{"":{"":[]}},"B":{}}',
];
const structures = documents.map(d => ({ input: d, canonical: canonicalize(JSON.parse(d)) }));
writeFileSync('jcs-vectors.json', JSON.stringify({ _source: 'generated with the npm package canonicalize (RFC 8785 reference implementation for JavaScript) on V8; numbers as IEEE 754 bit patterns', numbers, structures }, null, 1));
console.log(numbers.length, structures.length);
