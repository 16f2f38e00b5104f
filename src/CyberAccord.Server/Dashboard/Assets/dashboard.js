// The dashboard's only script: draws the charts from the data embedded beside them, and verifies the log in the
// browser itself (WebCrypto), so that a reader need not take the server's word for the log's integrity.
'use strict';

const palette = ['#0b4f8a', '#c25e00', '#2e7d32', '#6a1b9a', '#ad1457', '#00838f', '#5d4037', '#455a64'];

function drawCharts() {
  if (typeof Chart === 'undefined') return;
  for (const data of document.querySelectorAll('script[data-chart]')) {
    const spec = JSON.parse(data.textContent);
    const canvas = document.getElementById(data.dataset.chart);
    new Chart(canvas, {
      type: spec.kind,
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: palette[i % palette.length] })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked: spec.stacked }, y: { stacked: spec.stacked, beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }
}

const enc = new TextEncoder();
const b64 = s => Uint8Array.from(atob(s), c => c.charCodeAt(0));
const hex = bytes => Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
const concat = (...parts) => { const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0)); let at = 0; for (const p of parts) { out.set(p, at); at += p.length; } return out; };
const sha256 = async bytes => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
const equal = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

/** RFC 6962 leaf hash: SHA-256(0x00 || entry). */
async function leafHash(entry) { return sha256(concat(new Uint8Array([0]), entry)); }

/** RFC 9162 section 2.1.3.2: the root an inclusion proof implies for a leaf at index of a tree of size. */
async function rootFromInclusionProof(index, size, leaf, proof) {
  if (index >= size) throw new Error(`index ${index} is not below the tree size ${size}`);
  let fn = index, sn = size - 1, r = leaf;
  for (const p of proof) {
    if (sn === 0) throw new Error('the proof is longer than the tree is deep');
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256(concat(new Uint8Array([1]), p, r));
      if (fn % 2 === 0) { while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); } }
    } else {
      r = await sha256(concat(new Uint8Array([1]), r, p));
    }
    fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new Error('the proof is shorter than the tree is deep');
  return r;
}

/** RFC 9162 section 2.1.4.2: whether proof shows the tree (first, firstRoot) is a prefix of (second, secondRoot). */
async function verifyConsistency(first, second, proof, firstRoot, secondRoot) {
  if (first === second) return proof.length === 0 && equal(firstRoot, secondRoot);
  if (first === 0 || first > second || proof.length === 0) return first === 0 && proof.length === 0;
  if ((first & (first - 1)) === 0) proof = [firstRoot, ...proof];
  let fn = first - 1, sn = second - 1;
  while (fn % 2 === 1) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
  let fr = proof[0], sr = proof[0];
  for (const c of proof.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = await sha256(concat(new Uint8Array([1]), c, fr));
      sr = await sha256(concat(new Uint8Array([1]), c, sr));
      while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
    } else {
      sr = await sha256(concat(new Uint8Array([1]), sr, c));
    }
    fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(fr, firstRoot) && equal(sr, secondRoot);
}

/**
 * Compares the signed checkpoint with the last one this browser verified for the same log (kept in localStorage): the
 * log must only have grown. A different root at the same size, or a failed consistency proof, means the history shown
 * now differs from the history shown before: to this reader, or (compared out of band) to another.
 */
async function checkAgainstLastSeen(checkpoint) {
  const key = `accord.checkpoint.${checkpoint.origin}`;
  const seen = JSON.parse(localStorage.getItem(key) ?? 'null');
  const current = { size: checkpoint.size, root: btoa(String.fromCharCode(...checkpoint.root)) };
  let verdict = { first: true };
  if (seen && seen.size > current.size) {
    verdict = { consistent: false, seen };
  } else if (seen) {
    const proof = await (await fetch(`/log/proof/consistency?first=${seen.size}&second=${current.size}`)).json();
    verdict = { consistent: await verifyConsistency(seen.size, current.size, proof.hashes.map(b64), b64(seen.root), checkpoint.root), seen };
  }

  if (verdict.first || verdict.consistent) localStorage.setItem(key, JSON.stringify(current));
  return verdict;
}

/** A C2SP checkpoint note: its origin, size and root, the signed text, and its signature lines. */
function parseCheckpoint(note) {
  const split = note.indexOf('\n\n');
  const text = note.slice(0, split + 1);
  const [origin, size, root] = text.split('\n');
  const signatures = note.slice(split + 2).split('\n').filter(l => l.startsWith('\u2014 ')).map(l => { const [, name, sig] = l.split(' '); return { name, sig: b64(sig) }; });
  return { origin, size: Number(size), root: b64(root), text, signatures };
}

/** ASN.1 DER ECDSA signature to the r || s form WebCrypto verifies. */
function derToP1363(der) {
  let at = 2; if (der[1] & 0x80) at = 2 + (der[1] & 0x7f);
  const int = () => { at++; const len = der[at++]; let v = der.slice(at, at + len); at += len; while (v.length > 32 && v[0] === 0) v = v.slice(1); return concat(new Uint8Array(32 - v.length), v); };
  return concat(int(), int());
}

/** Verifies the checkpoint's ECDSA P-256 signature (C2SP signed note, key type 0x02) with the key the log publishes. */
async function verifyCheckpointSignature() {
  const [note, config] = await Promise.all([fetch('/log/checkpoint').then(r => r.text()), fetch('/log/log.json').then(r => r.json())]);
  const checkpoint = parseCheckpoint(note);
  for (const vkey of config.verifierKeys) {
    // name+hash+key: the name holds no '+', the hash is 8 hex digits, and the base64 key may hold '+' itself.
    const plus = vkey.indexOf('+');
    const name = vkey.slice(0, plus);
    const raw = b64(vkey.slice(plus + 10));
    if (raw[0] !== 0x02 || name !== checkpoint.origin) continue;
    const spki = raw.slice(1);
    const keyId = (await sha256(spki)).slice(0, 4);
    const line = checkpoint.signatures.find(s => s.name === name && equal(s.sig.slice(0, 4), keyId));
    if (!line) continue;
    const publicKey = await crypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const ok = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, derToP1363(line.sig.slice(4)), enc.encode(checkpoint.text));
    return { ok, checkpoint };
  }
  return { ok: false, checkpoint, reason: 'no ECDSA signature by the log\'s key' };
}

/** Verifies that the entry at index is in the signed checkpoint: entry and proof from the server, hashing and comparison here. */
async function verifyInclusion(index, entryOverride) {
  const { ok: signed, checkpoint } = await verifyCheckpointSignature();
  const entry = entryOverride ?? new Uint8Array(await (await fetch(`/dashboard/entries/${index}`)).arrayBuffer());
  const proof = await (await fetch(`/log/proof/inclusion?index=${index}&size=${checkpoint.size}`)).json();
  const root = await rootFromInclusionProof(index, checkpoint.size, await leafHash(entry), proof.hashes.map(b64));
  return { included: equal(root, checkpoint.root), signed, size: checkpoint.size, root: btoa(String.fromCharCode(...root)) };
}

function wireVerification() {
  for (const button of document.querySelectorAll('[data-verify-index]')) {
    button.addEventListener('click', async () => {
      const index = Number(button.dataset.verifyIndex);
      const output = document.getElementById(`verify-${index}`);
      output.className = ''; output.textContent = 'verifying…';
      try {
        const r = await verifyInclusion(index);
        output.className = r.included && r.signed ? 'ok' : 'fail';
        output.textContent = r.included && r.signed
          ? `verified: included in the signed checkpoint of size ${r.size} (root ${r.root})`
          : `FAILED: ${r.included ? '' : 'the proof does not lead to the checkpoint root; '}${r.signed ? '' : 'the checkpoint signature does not verify'}`;
      } catch (e) { output.className = 'fail'; output.textContent = `FAILED: ${e.message}`; }
    });
  }
  for (const button of document.querySelectorAll('[data-verify-checkpoint]')) {
    button.addEventListener('click', async () => {
      const output = button.parentElement.querySelector('[data-checkpoint-result]');
      try {
        const r = await verifyCheckpointSignature();
        if (!r.ok) { output.className = 'fail'; output.textContent = `FAILED: ${r.reason ?? 'the signature does not verify'}`; return; }
        const history = await checkAgainstLastSeen(r.checkpoint);
        output.className = history.first || history.consistent ? 'ok' : 'fail';
        output.textContent = history.first
          ? `signature verified in your browser: size ${r.checkpoint.size} (the first checkpoint of this log this browser has seen; kept to check the next one against)`
          : history.consistent
            ? `signature verified in your browser: size ${r.checkpoint.size}, and consistent with the checkpoint of size ${history.seen.size} this browser saw before`
            : `FAILED: the log's history differs from the checkpoint of size ${history.seen.size} (root ${history.seen.root}) this browser saw before`;
      } catch (e) { output.className = 'fail'; output.textContent = `FAILED: ${e.message}`; }
    });
  }
}

window.accordLog = { leafHash, rootFromInclusionProof, verifyConsistency, parseCheckpoint, verifyCheckpointSignature, verifyInclusion, checkAgainstLastSeen };
drawCharts();
wireVerification();
