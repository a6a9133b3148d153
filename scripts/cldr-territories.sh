#!/usr/bin/env bash
# Regenerate data/territories.tsv (and data/LICENSE-CLDR.txt) from the Unicode
# CLDR territory display names, as published on the npm registry.
#
#   bash scripts/cldr-territories.sh
#
# The package and version are pinned so the output only changes when someone
# bumps them on purpose:
#
#   CLDR_PACKAGE=cldr-localenames-full CLDR_VERSION=48.2.0 bash scripts/cldr-territories.sh
#
# (cldr-localenames-modern has the same layout but stopped at 45.0.0 when CLDR
# dropped its "modern" packages; CLDR_VERSION=latest takes the newest release.)
#
# Needs: npm (and so node), tar. Nothing is installed into the repository: the
# package is fetched with `npm pack` into a temporary directory.
#
# Output columns (tab-separated, one territory per line, sorted by code):
#   code, English names, Arabic names, English adjectives, Arabic adjectives
# Multiple values in a column are separated by "|". Names come from CLDR only:
# the base locale's main name, then its -alt-short, -alt-variant and other -alt
# forms, then any further spellings found in regional locales (en-AU, en-CA,
# en-001, ar-SA, ar-LY, ...). Adjectives are NOT in CLDR: they are derived by
# the rules and lists below, and left empty where no rule is reliable.
set -euo pipefail

PKG="${CLDR_PACKAGE:-cldr-localenames-full}"
VER="${CLDR_VERSION:-48.2.0}"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo/data/territories.tsv"
license_out="$repo/data/LICENSE-CLDR.txt"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

tgz="$(cd "$tmp" && npm pack --silent "$PKG@$VER" 2>/dev/null | tail -n 1)"
[ -f "$tmp/$tgz" ] || { echo "npm pack $PKG@$VER failed" >&2; exit 1; }
tar -xzf "$tmp/$tgz" -C "$tmp" --wildcards \
    'package/package.json' 'package/LICENSE*' \
    'package/main/en/territories.json' 'package/main/en-*/territories.json' \
    'package/main/ar/territories.json' 'package/main/ar-*/territories.json'

cat > "$tmp/gen.js" <<'JS'
'use strict';
const fs = require('fs');
const path = require('path');
const [pkgDir, outFile] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));

// ---------------------------------------------------------------- names ----

// Two-letter codes that are not places a claim is about.
const SKIP = new Set(['ZZ', 'UN', 'EZ', 'QO', 'XA', 'XB']);
// Regional locales written in another script than the base language.
const SKIP_LOCALES = new Set(['en-Dsrt', 'en-Shaw']);

function territories(locale) {
  const file = path.join(pkgDir, 'main', locale, 'territories.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  return json.main[locale].localeDisplayNames.territories;
}

function regionalLocales(lang) {
  return fs.readdirSync(path.join(pkgDir, 'main'))
    .filter((l) => l.startsWith(lang + '-') && !SKIP_LOCALES.has(l))
    .sort();
}

// All names of each code for one language: base main, alt-short, alt-variant,
// other alts (sorted), then new spellings from regional locales (in locale
// order). Duplicates are dropped; order is deterministic.
function namesFor(lang) {
  const byCode = new Map();
  const add = (code, name) => {
    if (!/^[A-Z]{2}$/.test(code) || SKIP.has(code)) return;
    name = name.normalize('NFC').trim();
    if (!name) return;
    if (/[\t|\n]/.test(name)) throw new Error(`separator inside name: ${code} ${name}`);
    if (!byCode.has(code)) byCode.set(code, []);
    const list = byCode.get(code);
    // Case-insensitive: en-CA's "Palestinian territories" adds nothing.
    if (!list.some((n) => n.toLowerCase() === name.toLowerCase())) list.push(name);
  };
  const addLocale = (t) => {
    const keys = Object.keys(t);
    const rank = (k) => {
      const alt = k.slice(2);
      if (alt === '') return '0';
      if (alt === '-alt-short') return '1';
      if (alt === '-alt-variant') return '2';
      return '3' + alt;
    };
    keys.sort((a, b) => {
      const ca = a.slice(0, 2), cb = b.slice(0, 2);
      if (ca !== cb) return ca < cb ? -1 : 1;
      const ra = rank(a), rb = rank(b);
      return ra < rb ? -1 : ra > rb ? 1 : 0;
    });
    for (const k of keys) add(k.slice(0, 2), t[k]);
  };
  const base = territories(lang);
  addLocale(base);
  for (const loc of regionalLocales(lang)) addLocale(territories(loc));
  // The base locale's own names (main + alts) only, used to derive adjectives:
  // they are the first entries of each list, before the regional spellings.
  const baseNames = new Map();
  for (const [code, list] of byCode) {
    const own = new Set(Object.keys(base)
      .filter((k) => k.slice(0, 2) === code && (k.length === 2 || k[2] === '-'))
      .map((k) => base[k].normalize('NFC').trim()));
    baseNames.set(code, list.filter((n) => own.has(n)));
  }
  return { all: byCode, base: baseNames };
}

// ------------------------------------------------------ English adjectives --

// Code -> demonyms, used instead of the rules. An empty list means "no
// adjective" (ambiguous, or no reliable form).
const EN_SPECIAL = {
  AE: ['Emirati'], AF: ['Afghan'], AG: ['Antiguan'], AQ: [], AR: ['Argentine', 'Argentinian'],
  AZ: ['Azerbaijani'], BA: ['Bosnian'], BD: ['Bangladeshi'], BE: ['Belgian'], BF: ['Burkinabe'],
  BH: ['Bahraini'], BI: ['Burundian'], BJ: ['Beninese'], BM: ['Bermudian'], BN: ['Bruneian'],
  BR: ['Brazilian'], BS: ['Bahamian'], BT: ['Bhutanese'], BW: [], BY: ['Belarusian'],
  CA: ['Canadian'], CD: [], CF: [], CG: [], CH: ['Swiss'], CI: ['Ivorian'], CL: ['Chilean'],
  CM: ['Cameroonian'], CN: ['Chinese'], CR: ['Costa Rican'], CV: ['Cape Verdean'], CY: ['Cypriot'],
  CZ: ['Czech'], DE: ['German'], DJ: ['Djiboutian'], DK: ['Danish'], DM: [], DO: ['Dominican'],
  EC: ['Ecuadorian'], EG: ['Egyptian'], EH: ['Sahrawi'], ES: ['Spanish'], EU: [], FI: ['Finnish'],
  FJ: ['Fijian'], FR: ['French'], GA: ['Gabonese'], GB: ['British'], GD: ['Grenadian'],
  GH: ['Ghanaian'], GR: ['Greek'], GW: ['Bissau-Guinean'], GY: ['Guyanese'], HN: ['Honduran'],
  HT: ['Haitian'], HU: ['Hungarian'], IE: ['Irish'], IL: ['Israeli'], IQ: ['Iraqi'], IR: ['Iranian'],
  IS: ['Icelandic'], IT: ['Italian'], JO: ['Jordanian'], JP: ['Japanese'], KG: ['Kyrgyz'],
  KM: ['Comorian'], KW: ['Kuwaiti'], KZ: ['Kazakh', 'Kazakhstani'], LA: ['Lao', 'Laotian'],
  LB: ['Lebanese'], LK: ['Sri Lankan'], LS: ['Basotho'], LU: ['Luxembourgish'], MC: ['Monegasque'],
  ME: ['Montenegrin'], MG: ['Malagasy'], ML: ['Malian'], MM: ['Burmese'], MO: ['Macanese'], MT: ['Maltese'],
  MU: ['Mauritian'], MV: ['Maldivian'], MW: ['Malawian'], MZ: ['Mozambican'], NE: ['Nigerien'],
  NL: ['Dutch'], NO: ['Norwegian'], NP: ['Nepali', 'Nepalese'], NZ: ['New Zealander'],
  OM: ['Omani'], PA: ['Panamanian'], PE: ['Peruvian'], PG: ['Papua New Guinean'],
  PH: ['Filipino', 'Philippine'], PK: ['Pakistani'], PL: ['Polish'], PR: ['Puerto Rican'],
  PS: ['Palestinian'], PT: ['Portuguese'], PY: ['Paraguayan'], QA: ['Qatari'], SA: ['Saudi'],
  SC: ['Seychellois'], SD: ['Sudanese'], SE: ['Swedish'], SG: ['Singaporean'],
  SI: ['Slovenian', 'Slovene'], SK: ['Slovak', 'Slovakian'], SL: ['Sierra Leonean'],
  SN: ['Senegalese'], SO: ['Somali'], SR: ['Surinamese'], SS: ['South Sudanese'],
  SV: ['Salvadoran'], TD: ['Chadian'], TG: ['Togolese'], TH: ['Thai'], TJ: ['Tajik'],
  TM: ['Turkmen'], TR: ['Turkish'], TT: ['Trinidadian'], TW: ['Taiwanese'], UA: ['Ukrainian'],
  US: ['American'], UY: ['Uruguayan'], UZ: ['Uzbek'], VA: [], VN: ['Vietnamese'], XK: ['Kosovar', 'Kosovan'],
  YE: ['Yemeni'], ZW: ['Zimbabwean'],
};

// Rules for one-word English names:
//   -ia/-ya/-ea/-a -> +n   (Algeria -> Algerian, Libya -> Libyan, Eritrea -> Eritrean, Cuba -> Cuban)
//   -co            -> -can (Morocco -> Moroccan, Mexico -> Mexican)
// and "North X" / "South X" -> "North/South " + rule(X) (South Korea -> South Korean).
// Everything else gets no adjective unless listed in EN_SPECIAL.
function enRule(name) {
  const m = /^(North|South) (\S+)$/.exec(name);
  if (m) {
    const x = enRule(m[2]);
    return x ? `${m[1]} ${x}` : null;
  }
  if (!/^[A-Z][a-z]+$/.test(name)) return null;
  if (/a$/.test(name)) return name + 'n';
  if (/co$/.test(name)) return name.slice(0, -1) + 'an';
  return null;
}

function enAdjectives(code, baseNames) {
  if (Object.prototype.hasOwnProperty.call(EN_SPECIAL, code)) return EN_SPECIAL[code];
  const out = [];
  for (const n of baseNames) {
    const a = enRule(n);
    if (a && !out.includes(a)) out.push(a);
  }
  return out;
}

// ------------------------------------------------------- Arabic adjectives --

// Code -> masculine nisba forms, used instead of the rules; the feminine is
// made by adding ة to each word ending in ي (كوري جنوبي -> كورية جنوبية).
// An empty list means "no adjective".
const AR_SPECIAL = {
  AE: ['إماراتي'], AQ: [], AT: ['نمساوي'], BA: ['بوسني'], CD: [], CG: [], CI: ['إيفواري'],
  DK: ['دنماركي', 'دانمركي'], DM: [], DO: ['دومينيكاني'], EH: [], EU: [], GB: ['بريطاني'],
  HU: ['مجري', 'هنغاري'], KM: ['قمري'], KP: ['كوري شمالي'], KR: ['كوري جنوبي'], MK: ['مقدوني'],
  MV: ['مالديفي'], PE: ['بيروفي'], PK: ['باكستاني'], PS: ['فلسطيني'], SA: ['سعودي'],
  SG: ['سنغافوري'], SS: ['جنوب سوداني'], TG: ['توغولي'], US: ['أمريكي', 'أميركي'], VA: [],
  XK: ['كوسوفي'], ZA: ['جنوب أفريقي'],
};

// Dependent territories, islands and other non-sovereign places: the Arabic
// rules are not applied to them (a nisba of a transliterated island name is
// a guess, and rarely seen in news).
const AR_NO_RULE = new Set(('AC AI AS AW AX BL BM BQ BV CC CK CP CQ CW CX DG EA FK FO GF GG GI GL GP GS GU ' +
  'HK HM IC IM IO JE KY MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TA TC TF TK UM VG VI WF YT').split(' '));

const HARAKAT = /[\u064B-\u0652\u0670\u0640]/g; // tashkeel, dagger alef, tatweel

// Rules for one-word Arabic names (after dropping the article ال):
//   ...يا -> ...ي   (روسيا -> روسي, ألمانيا -> ألماني, تركيا -> تركي)
//   ...ا  -> ...ي   (فرنسا -> فرنسي, كندا -> كندي)
//   ...ستان -> ...ي (أفغانستان -> أفغاني, أوزبكستان -> أوزبكي)
//   ...ي  -> same   (مالي -> مالي, جيبوتي -> جيبوتي)
//   other consonant -> +ي (المغرب -> مغربي, مصر -> مصري, إسرائيل -> إسرائيلي)
// Names ending in و, ة, اي or ى, and multi-word names, get no adjective.
function arRule(name) {
  let n = name.replace(HARAKAT, '');
  if (/\s|[()\-]/.test(n)) return null;
  if (n.startsWith('ال') && n.length > 3) n = n.slice(2);
  if (/(و|ة|اي|ى|ء|ئ|ؤ)$/.test(n)) return null;
  let m;
  if (n.endsWith('يا')) m = n.slice(0, -2) + 'ي';
  else if (n.endsWith('ا')) m = n.slice(0, -1) + 'ي';
  else if (n.endsWith('ستان') && n.length > 6) m = n.slice(0, -4) + 'ي';
  else if (n.endsWith('ي')) m = n;
  else m = n + 'ي';
  return m.length >= 3 ? m : null;
}

function feminine(masc) {
  return masc.split(' ').map((w) => (w.endsWith('ي') ? w + 'ة' : w)).join(' ');
}

function arAdjectives(code, baseNames) {
  let masc;
  if (Object.prototype.hasOwnProperty.call(AR_SPECIAL, code)) masc = AR_SPECIAL[code];
  else if (AR_NO_RULE.has(code)) masc = [];
  else masc = baseNames.map(arRule).filter((x) => x);
  const out = [];
  for (const m of masc) for (const f of [m, feminine(m)]) if (!out.includes(f)) out.push(f);
  return out;
}

// ------------------------------------------------------------------ output --

const en = namesFor('en');
const ar = namesFor('ar');
const codes = [...new Set([...en.all.keys(), ...ar.all.keys()])].sort().filter((code) => {
  if (en.all.has(code) && ar.all.has(code)) return true;
  console.error(`warning: ${code} has no ${en.all.has(code) ? 'Arabic' : 'English'} name; skipped`);
  return false;
});
const lines = [
  `# source: ${pkg.name}@${pkg.version}, Unicode License v3`,
  `# Unicode CLDR ${pkg.cldrVersion} territory display names (license text: data/LICENSE-CLDR.txt), generated by`,
  '# scripts/cldr-territories.sh: do not edit by hand. The adjective columns are derived by rules in that script, not taken from CLDR.',
  '# columns: code<TAB>english names<TAB>arabic names<TAB>english adjectives<TAB>arabic adjectives; several values are |-separated',
];
for (const code of codes) {
  const enNames = en.all.get(code);
  const arNames = ar.all.get(code);
  lines.push([
    code,
    enNames.join('|'),
    arNames.join('|'),
    enAdjectives(code, en.base.get(code) || []).join('|'),
    arAdjectives(code, ar.base.get(code) || []).join('|'),
  ].join('\t'));
}
fs.writeFileSync(outFile, lines.join('\n') + '\n');
console.log(`${pkg.name}@${pkg.version}: ${codes.length} rows -> ${outFile}`);
JS

node "$tmp/gen.js" "$tmp/package" "$tmp/territories.tsv"
mv "$tmp/territories.tsv" "$out"

lic="$(ls "$tmp"/package/LICENSE* 2>/dev/null | head -n 1 || true)"
if [ -n "$lic" ]; then
    cp "$lic" "$license_out"
else
    echo "warning: $PKG@$VER ships no LICENSE file; $license_out left as is" >&2
fi
