/**
 * Names people type for the medicines in each interaction class: US generic names and common
 * brand names. Each line is `generic: Brand, Brand, …`; a brand maps to the ingredient that
 * puts it in the class (Percocet → oxycodone). Which class a medicine belongs to is ordinary
 * drug nomenclature, not a clinical claim of the reference: the classes, effects and sources
 * are in interactions.ts. Lists are a starting point for pharmacist review; clinics add names
 * through `buildMatcher({ … })`.
 *
 * Deliberately absent: centrally acting muscle relaxants (cyclobenzaprine, methocarbamol,
 * carisoprodol, tizanidine, baclofen…) — REFERENCE §4.4 does not list them; add them locally.
 */
import type { InteractionClassId } from './interactionTypes.js';

const BARBITURATES = `
phenobarbital: Luminal
butalbital: Fioricet, Fiorinal, Esgic, Bupap, Allzital
secobarbital: Seconal
pentobarbital: Nembutal
amobarbital: Amytal
butabarbital: Butisol
methohexital: Brevital
`;

const PHENYTOIN = `
phenytoin: Dilantin, Phenytek
fosphenytoin: Cerebyx
`;

const CARBAMAZEPINE = `
carbamazepine: Tegretol, Carbatrol, Epitol, Equetro
`;

const FLUOXETINE_FLUVOXAMINE = `
fluoxetine: Prozac, Sarafem, Symbyax
fluvoxamine: Luvox
`;

const OMEPRAZOLE = `
omeprazole: Prilosec, Zegerid
`;

const RIFAMPIN = `
rifampin: Rifadin, Rimactane, Rifamate, Rifater
rifampicin
`;

const HYDROXYZINE = `
hydroxyzine: Vistaril, Atarax
`;

const PROMETHAZINE = `
promethazine: Phenergan, Promethegan
`;

/** Name lines per class (see the file comment for the format). */
export const CLASS_NAME_LINES: Readonly<Record<InteractionClassId, string>> = {
  opioids: `
opioid, opiate, narcotic
oxycodone: OxyContin, Roxicodone, Oxaydo, Xtampza, RoxyBond, Percocet, Endocet, Roxicet, Percodan, Tylox, Primlev, Nalocet, Prolate
hydrocodone: Norco, Vicodin, Lortab, Lorcet, Hysingla, Zohydro, Xodol, Verdrocet, Hycodan, Tussionex, Vicoprofen, Hycet, Zamicet
hydromorphone: Dilaudid, Exalgo
morphine: MS Contin, MSContin, MSIR, Kadian, Avinza, Roxanol, Arymo, MorphaBond, Embeda
codeine: Tylenol 3, Tylenol 4, Tylenol No 2, Tylenol No 3, Tylenol No 4, Tuzistra, Tuxarin
dihydrocodeine
oxymorphone: Opana
fentanyl: Duragesic, Actiq, Fentora, Subsys, Abstral, Lazanda, Onsolis, Ionsys
sufentanil: Dsuvia
alfentanil
remifentanil: Ultiva
tramadol: Ultram, Ultracet, ConZip, Ryzolt, Qdolo, Seglentis
tapentadol: Nucynta
methadone: Dolophine, Methadose, Diskets
buprenorphine: Suboxone, Subutex, Zubsolv, Butrans, Belbuca, Sublocade, Bunavail, Brixadi, Buprenex
meperidine: Demerol
pethidine
levorphanol
pentazocine: Talwin
butorphanol: Stadol
nalbuphine: Nubain
benzhydrocodone: Apadaz
oliceridine: Olinvyk
propoxyphene: Darvon, Darvocet
opium: Paregoric
heroin, diamorphine
`,
  alcohol: `
alcohol, ethanol, beer, wine, liquor, whiskey, whisky, vodka
`,
  gabapentinoids: `
gabapentin: Neurontin, Gralise, Horizant, Gabarone
pregabalin: Lyrica
`,
  benzodiazepines: `
benzodiazepine, benzo
alprazolam: Xanax, Niravam
chlordiazepoxide: Librium, Librax, Limbitrol
clonazepam: Klonopin
clorazepate: Tranxene
diazepam: Valium, Diastat, Valtoco, Libervant
estazolam: ProSom
flurazepam: Dalmane
lorazepam: Ativan, Loreev
oxazepam: Serax
quazepam: Doral
temazepam: Restoril
triazolam: Halcion
midazolam: Versed, Nayzilam, Seizalam
clobazam: Onfi, Sympazan
remimazolam: Byfavo
flunitrazepam: Rohypnol
nitrazepam, bromazepam, lormetazepam
`,
  'cns-phenothiazines': `
chlorpromazine: Thorazine
prochlorperazine: Compazine, Compro
perphenazine, fluphenazine, thioridazine, trifluoperazine, mesoridazine
${PROMETHAZINE}
`,
  'cns-antipsychotics': `
haloperidol: Haldol
quetiapine: Seroquel
olanzapine: Zyprexa, Symbyax, Lybalvi
risperidone: Risperdal
aripiprazole: Abilify
ziprasidone: Geodon
clozapine: Clozaril
lurasidone: Latuda
paliperidone: Invega
asenapine: Saphris
iloperidone: Fanapt
brexpiprazole: Rexulti
cariprazine: Vraylar
lumateperone: Caplyta
pimavanserin: Nuplazid
pimozide: Orap
loxapine, thiothixene, molindone
`,
  'cns-anxiolytics-sedatives': `
buspirone: BuSpar
meprobamate
dexmedetomidine: Igalmi, Precedex
${HYDROXYZINE}
`,
  'cns-hypnotics': `
zolpidem: Ambien, Edluar, Intermezzo, Zolpimist
zaleplon: Sonata
eszopiclone: Lunesta
zopiclone: Imovane
suvorexant: Belsomra
lemborexant: Dayvigo
daridorexant: Quviviq
ramelteon: Rozerem
chloral hydrate
oxybate: Xyrem, Xywav, Lumryz
`,
  'cns-anticonvulsants': `
${CARBAMAZEPINE}
${PHENYTOIN}
oxcarbazepine: Trileptal, Oxtellar
eslicarbazepine: Aptiom
valproate: valproic acid, divalproex, Depakote, Depakene
lamotrigine: Lamictal
levetiracetam: Keppra, Spritam
brivaracetam: Briviact
topiramate: Topamax, Trokendi, Qudexy, Eprontia
zonisamide: Zonegran
lacosamide: Vimpat, Motpoly
primidone: Mysoline
ethosuximide: Zarontin
tiagabine: Gabitril
perampanel: Fycompa
cenobamate: Xcopri
felbamate: Felbatol
rufinamide: Banzel
vigabatrin: Sabril
`,
  'cns-anesthetics': `
propofol: Diprivan
ketamine: Ketalar
etomidate: Amidate
sevoflurane, desflurane, isoflurane
`,
  'cns-sedating-antihistamines': `
diphenhydramine: Benadryl, ZzzQuil, Nytol, Sominex, Tylenol PM, Advil PM, Aleve PM, Motrin PM, Excedrin PM
doxylamine: NyQuil, Diclegis, Bonjesta
doxylamine or diphenhydramine: Unisom
chlorpheniramine: Chlor-Trimeton, Tussionex, Tuzistra, Tuxarin
brompheniramine, dexchlorpheniramine, triprolidine
carbinoxamine: Karbinal
clemastine: Tavist
cyproheptadine: Periactin
meclizine: Antivert, Bonine
dimenhydrinate: Dramamine
${HYDROXYZINE}${PROMETHAZINE}
`,
  'cns-barbiturates': BARBITURATES,
  'cns-maois': `
phenelzine: Nardil
tranylcypromine: Parnate
isocarboxazid: Marplan
selegiline: Emsam, Eldepryl, Zelapar
rasagiline: Azilect
safinamide: Xadago
`,
  'cns-antidepressants': `
${FLUOXETINE_FLUVOXAMINE}
sertraline: Zoloft
paroxetine: Paxil, Pexeva, Brisdelle
citalopram: Celexa
escitalopram: Lexapro
venlafaxine: Effexor
desvenlafaxine: Pristiq
duloxetine: Cymbalta, Drizalma
levomilnacipran: Fetzima
milnacipran: Savella
amitriptyline: Elavil
nortriptyline: Pamelor
imipramine: Tofranil
desipramine: Norpramin
doxepin: Sinequan, Silenor
clomipramine: Anafranil
trimipramine: Surmontil
protriptyline, amoxapine, maprotiline, nefazodone
trazodone: Desyrel, Oleptro
mirtazapine: Remeron
bupropion: Wellbutrin, Zyban, Aplenzin, Forfivo, Auvelity
vortioxetine: Trintellix
vilazodone: Viibryd
esketamine: Spravato
zuranolone: Zurzuvae
`,
  'cyp-inhibitors-label': `
cimetidine: Tagamet
ketoconazole: Nizoral
${FLUOXETINE_FLUVOXAMINE}
${OMEPRAZOLE}
`,
  'cyp-inhibitors-smpc': `
clarithromycin: Biaxin
erythromycin: Ery-Tab, Erythrocin, EryPed
ritonavir: Norvir, Paxlovid, Kaletra
verapamil: Calan, Verelan, Isoptin, Tarka
diltiazem: Cardizem, Tiazac, Cartia, Dilacor, Taztia, Matzim
idelalisib: Zydelig
`,
  isoniazid: `
isoniazid: INH, Nydrazid, Rifamate, Rifater
`,
  rifampin: RIFAMPIN,
  'enzyme-inducers': `${CARBAMAZEPINE}${PHENYTOIN}${BARBITURATES}`,
  'phenytoin-levels': PHENYTOIN,
  'cyp-substrates': `
${OMEPRAZOLE}
propranolol: Inderal, InnoPran, Hemangeol
imipramine: Tofranil
cyclosporine: ciclosporin, Neoral, Sandimmune, Gengraf
paclitaxel: Taxol, Abraxane
terfenadine: Seldane
theophylline: Theo-24, Uniphyl, Elixophyllin
warfarin: Coumadin, Jantoven
`,
};

const TYLENOL_COUNT_STOPS = ['2', '3', '4'].flatMap((n) =>
  ['x', 'times', 'a day', 'daily', 'per day'].map((s) => `tylenol ${n} ${s}`),
);

/**
 * Phrases that contain a class name but are not that medicine ("isopropyl alcohol swabs",
 * "Tylenol 3 times a day"). The matcher prefers the longest phrase, so these win.
 */
export const NON_MATCHING_PHRASES: readonly string[] = [
  'isopropyl alcohol',
  'rubbing alcohol',
  'benzyl alcohol',
  'cetyl alcohol',
  'cetearyl alcohol',
  'stearyl alcohol',
  'polyvinyl alcohol',
  'alcohol swab',
  'alcohol pad',
  'alcohol prep',
  'alcohol wipe',
  'alcohol free',
  'non alcoholic beer',
  'nonalcoholic beer',
  'alcohol free beer',
  'codeine free',
  'opioid antagonist',
  'opioid overdose',
  'opioid induced',
  ...TYLENOL_COUNT_STOPS,
];
