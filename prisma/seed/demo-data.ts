/**
 * The demo GEIQ's people and catalogue: data only, driven into the
 * application by demo-cases.ts. Companies, people and phone numbers are
 * fictional (phone numbers in the ranges ARCEP reserves for fiction, e-mail
 * domains under .example); SIRETs are made up but pass the Luhn check.
 */
import type { CreateCandidateInput, CreateCertificationInput, CreateEmployerInput } from '@jalon/contracts';
import type { Role } from '../../libs/server/src/database/generated/client.js';
import { ago, type Offset } from './dates.js';

export const DEMO_TENANT = { slug: 'geiq-demo', name: 'GEIQ Démo Industrie Occitanie', siret: '73282932000074', region: 'Occitanie' };

export interface Person {
  email: string;
  firstName: string;
  lastName: string;
}

/** The GEIQ's own staff. */
export const STAFF = {
  admin: { email: 'admin@geiq-demo.fr', firstName: 'Claire', lastName: 'Fontaine', role: 'TENANT_ADMIN' },
  coordination: { email: 'coordination@geiq-demo.fr', firstName: 'Karim', lastName: 'Benali', role: 'COORDINATOR' },
} as const satisfies Record<string, Person & { role: Role }>;
export type StaffKey = keyof typeof STAFF;

// ---------------------------------------------------------------------------
// Certifications. Titles, levels, certifiers and the split into blocs follow
// the structure of the public fiches (France compétences, référentiels of the
// CPNEFP de la métallurgie, of the ministère chargé de l'emploi and of the
// Éducation nationale), abridged: fewer competencies per bloc, wording
// shortened. Codes are plausible, for the demo: check the fiche before using
// one for a real candidate.

export interface CertificationSeed {
  fiche: CreateCertificationInput;
  /** Where its juries sit (not part of the fiche). */
  juryPlace: string;
}

export const CERTIFICATIONS = {
  cqpmMocn: {
    juryPlace: 'Pôle formation UIMM Occitanie, Beauzelle',
    fiche: {
      kind: 'CQPM',
      code: 'MQ 1988 11 74 0009',
      title: 'Opérateur régleur sur machine-outil à commande numérique',
      level: 3,
      certifier: 'UIMM – CPNEFP de la métallurgie',
      admissibilityValidityMonths: 12,
      blocs: [
        {
          code: 'BC01',
          title: 'Préparation et réglage d’une machine-outil à commande numérique',
          competencies: [
            { code: 'C1', title: 'Préparer les équipements nécessaires à une série de pièces : outils, porte-pièces, programme' },
            { code: 'C2', title: 'Monter et démonter les outils, attachements et montages d’usinage' },
            { code: 'C3', title: 'Régler les origines et les correcteurs d’outils, valider la première pièce' },
          ],
        },
        {
          code: 'BC02',
          title: 'Conduite et contrôle d’une production sur MOCN',
          competencies: [
            { code: 'C4', title: 'Assurer la production dans le respect des objectifs de qualité, de coût et de délai' },
            { code: 'C5', title: 'Contrôler sa production (autocontrôle) et renseigner les documents de suivi' },
            { code: 'C6', title: 'Entretenir son poste et réaliser la maintenance de premier niveau' },
          ],
        },
        {
          code: 'BC03',
          title: 'Communication et amélioration continue',
          competencies: [
            { code: 'C7', title: 'Rendre compte de son activité (avancement, anomalies) aux personnes concernées' },
            { code: 'C8', title: 'Participer aux actions d’amélioration de sa production (5S, réduction des rebuts)' },
          ],
        },
      ],
    },
  },
  tpSoudeur: {
    juryPlace: 'Centre AFPA de Toulouse-Balma',
    fiche: {
      kind: 'RNCP',
      code: 'RNCP37523',
      title: 'Titre professionnel Soudeur assembleur industriel',
      level: 3,
      certifier: 'Ministère chargé de l’emploi',
      admissibilityValidityMonths: 24,
      blocs: [
        {
          code: 'CCP1',
          title: 'Assembler et souder à plat des éléments d’ensembles métalliques',
          competencies: [
            { code: 'C1', title: 'Préparer et pointer un assemblage à partir d’un plan et d’un descriptif de mode opératoire de soudage' },
            { code: 'C2', title: 'Souder à plat au semi-automatique MAG (135) des ensembles en acier' },
            { code: 'C3', title: 'Souder à plat à l’électrode enrobée (111)' },
          ],
        },
        {
          code: 'CCP2',
          title: 'Souder en toutes positions des ensembles chaudronnés et de tuyauterie',
          competencies: [
            { code: 'C4', title: 'Souder en position au semi-automatique MAG (135, 136)' },
            { code: 'C5', title: 'Souder en position au TIG (141) des assemblages en acier et en inox' },
            { code: 'C6', title: 'Contrôler visuellement et dimensionnellement ses soudures et reprendre les défauts' },
          ],
        },
      ],
    },
  },
  capConducteur: {
    juryPlace: 'Lycée Antoine-Bourdelle, Montauban (DAVA de Toulouse)',
    fiche: {
      kind: 'RNCP',
      code: 'RNCP37231',
      title: 'CAP Conducteur d’installations de production',
      level: 3,
      certifier: 'Ministère de l’Éducation nationale',
      admissibilityValidityMonths: 36,
      blocs: [
        {
          code: 'BC01',
          title: 'Conduite en mode normal',
          competencies: [
            { code: 'C1', title: 'Préparer la production à son poste : consignes, matières, documents' },
            { code: 'C2', title: 'Régler l’installation et lancer la production' },
            { code: 'C3', title: 'Conduire et surveiller l’installation en mode normal' },
            { code: 'C4', title: 'Contrôler la conformité des produits et renseigner les documents de production' },
          ],
        },
        {
          code: 'BC02',
          title: 'Intervention durant la production',
          competencies: [
            { code: 'C5', title: 'Repérer un dysfonctionnement, alerter et participer au diagnostic' },
            { code: 'C6', title: 'Réaliser les opérations de maintenance de premier niveau' },
            { code: 'C7', title: 'Réaliser un changement de format ou de série' },
          ],
        },
        {
          code: 'BC03',
          title: 'Français, histoire-géographie et enseignement moral et civique',
          competencies: [{ code: 'C8', title: 'Lire, comprendre et rédiger des écrits professionnels ; situer son activité dans son environnement' }],
        },
        {
          code: 'BC04',
          title: 'Mathématiques et physique-chimie',
          competencies: [{ code: 'C9', title: 'Résoudre un problème professionnel avec des outils mathématiques et scientifiques' }],
        },
        {
          code: 'BC05',
          title: 'Prévention-santé-environnement',
          competencies: [{ code: 'C10', title: 'Repérer les risques professionnels et proposer des mesures de prévention' }],
        },
      ],
    },
  },
  tpAgentFabrication: {
    juryPlace: 'Centre AFPA de Montauban',
    fiche: {
      kind: 'RNCP',
      code: 'RNCP35990',
      title: 'Titre professionnel Agent de fabrication industrielle',
      level: 3,
      certifier: 'Ministère chargé de l’emploi',
      admissibilityValidityMonths: 24,
      blocs: [
        {
          code: 'CCP1',
          title: 'Réaliser une production sur un poste de fabrication',
          competencies: [
            { code: 'C1', title: 'Préparer son poste et approvisionner la production' },
            { code: 'C2', title: 'Conduire une production sur une machine ou un équipement automatisé' },
            { code: 'C3', title: 'Contrôler la conformité des produits en cours de fabrication' },
          ],
        },
        {
          code: 'CCP2',
          title: 'Contribuer au bon fonctionnement et à l’amélioration de la production',
          competencies: [
            { code: 'C4', title: 'Réaliser le nettoyage et la maintenance de premier niveau de son poste' },
            { code: 'C5', title: 'Appliquer les règles d’hygiène, de sécurité et de protection de l’environnement' },
            { code: 'C6', title: 'Transmettre les informations de production et participer à l’amélioration continue' },
          ],
        },
      ],
    },
  },
  // Formerly "Bac pro Technicien d'usinage".
  bacProUsinage: {
    juryPlace: 'Lycée Déodat-de-Séverac, Toulouse (DAVA de Toulouse)',
    fiche: {
      kind: 'RNCP',
      code: 'RNCP35320',
      title: 'Bac pro Technicien en réalisation de produits mécaniques, option réalisation et suivi de productions',
      level: 4,
      certifier: 'Ministère de l’Éducation nationale',
      admissibilityValidityMonths: 36,
      blocs: [
        {
          code: 'BC01',
          title: 'Préparation d’une production',
          competencies: [
            { code: 'C1', title: 'Analyser les données techniques d’une pièce : dessin de définition, spécifications' },
            { code: 'C2', title: 'Établir un processus d’usinage, choisir les outils et les conditions de coupe' },
            { code: 'C3', title: 'Établir ou adapter un programme à commande numérique avec la FAO' },
          ],
        },
        {
          code: 'BC02',
          title: 'Réalisation et suivi de production',
          competencies: [
            { code: 'C4', title: 'Préparer, régler et mettre en œuvre un moyen de production' },
            { code: 'C5', title: 'Conduire une production en série et en assurer le suivi' },
            { code: 'C6', title: 'Contrôler les pièces et analyser les écarts' },
          ],
        },
        {
          code: 'BC03',
          title: 'Maintenance et amélioration des moyens de production',
          competencies: [
            { code: 'C7', title: 'Réaliser la maintenance de premier niveau d’un moyen de production' },
            { code: 'C8', title: 'Proposer des améliorations de temps, de qualité ou de sécurité' },
          ],
        },
        { code: 'BC04', title: 'Économie-gestion', competencies: [{ code: 'C9', title: 'Situer son activité dans l’entreprise et son environnement économique' }] },
        { code: 'BC05', title: 'Prévention-santé-environnement', competencies: [{ code: 'C10', title: 'Repérer les risques professionnels et proposer des mesures de prévention' }] },
        {
          code: 'BC06',
          title: 'Français, histoire-géographie et enseignement moral et civique',
          competencies: [{ code: 'C11', title: 'Communiquer à l’écrit et à l’oral ; analyser une situation historique ou géographique' }],
        },
        { code: 'BC07', title: 'Mathématiques et physique-chimie', competencies: [{ code: 'C12', title: 'Mobiliser des outils mathématiques et scientifiques en situation professionnelle' }] },
      ],
    },
  },
} satisfies Record<string, CertificationSeed>;
export type CertificationKey = keyof typeof CERTIFICATIONS;

// ---------------------------------------------------------------------------
// Member companies, in Occitanie, all with OPCO 2i.

export const EMPLOYERS = {
  garonne: {
    name: 'Usinage Garonne Précision',
    siret: '81234567600017',
    nafCode: '25.62B', // mécanique industrielle
    idcc: '3248', // métallurgie
    opco: 'OPCO 2i',
    addressLine: '27 rue Paulin-Talabot',
    postalCode: '31100',
    city: 'Toulouse',
    contacts: [{ name: 'Isabelle Castan', role: 'Responsable ressources humaines', email: 'entreprise@geiq-demo.fr', phone: '05 36 49 10 21' }],
  },
  tarn: {
    name: 'Ateliers Métalliques du Tarn',
    siret: '79312845500011',
    nafCode: '25.11Z', // fabrication de structures métalliques
    idcc: '3248',
    opco: 'OPCO 2i',
    addressLine: '4 avenue de Pélissier',
    postalCode: '81000',
    city: 'Albi',
    contacts: [{ name: 'Thierry Massol', role: 'Gérant', email: 't.massol@ateliers-metalliques-tarn.example', phone: '05 36 49 20 34' }],
  },
  quercy: {
    name: 'Quercy Plasturgie Technique',
    siret: '84520691100016',
    nafCode: '22.29A', // pièces techniques en matières plastiques
    idcc: '0292', // plasturgie
    opco: 'OPCO 2i',
    addressLine: 'ZI Albasud, 120 rue de l’Innovation',
    postalCode: '82000',
    city: 'Montauban',
    contacts: [{ name: 'Laure Vergnes', role: 'Directrice de site', email: 'l.vergnes@quercy-plasturgie.example', phone: '05 36 49 30 47' }],
  },
} satisfies Record<string, CreateEmployerInput>;
export type EmployerKey = keyof typeof EMPLOYERS;

/** Company tutors: users with a TUTOR membership in their company. */
export const TUTORS = {
  roux: { email: 'tuteur@geiq-demo.fr', firstName: 'Sébastien', lastName: 'Roux', employer: 'garonne' },
  belkacem: { email: 'tuteur2@geiq-demo.fr', firstName: 'Nadia', lastName: 'Belkacem', employer: 'garonne' },
  delmas: { email: 'tuteur3@geiq-demo.fr', firstName: 'Jean-Marc', lastName: 'Delmas', employer: 'tarn' },
  pujol: { email: 'tuteur4@geiq-demo.fr', firstName: 'Sandrine', lastName: 'Pujol', employer: 'quercy' },
} satisfies Record<string, Person & { employer: EmployerKey }>;
export type TutorKey = keyof typeof TUTORS;

/** The employer contact who logs in: the HR manager of a company with alternants placed. */
export const EMPLOYER_LOGIN = { email: 'entreprise@geiq-demo.fr', firstName: 'Isabelle', lastName: 'Castan', employer: 'garonne' } as const satisfies Person & { employer: EmployerKey };

// ---------------------------------------------------------------------------
// Candidates (alternants). Birth dates are fixed: ages move with the years,
// the pay of each contract follows from them (see demo-cases.ts).

export const CANDIDATES = {
  aurelien: { firstName: 'Aurélien', lastName: 'Fabre', birthDate: '1991-06-14', qualificationLevel: 3, highestQualification: 'CAP Maintenance des véhicules', publicCategory: 'JOB_SEEKER_LONG_TERM', prescriber: 'France Travail Toulouse Minimes', phone: '06 39 98 01 12' },
  helene: { firstName: 'Hélène', lastName: 'Bousquet', birthDate: '1987-03-22', qualificationLevel: 4, highestQualification: 'Bac STMG', prescriber: 'France Travail Colomiers', phone: '06 39 98 01 27' },
  yanis: { firstName: 'Yanis', lastName: 'Haddou', birthDate: '2003-11-05', qualificationLevel: 3, highestQualification: 'CAP Électricien', publicCategory: 'YOUNG_UNQUALIFIED_16_25', prescriber: 'Mission locale Haute-Garonne', phone: '06 39 98 01 34' },
  loic: { firstName: 'Loïc', lastName: 'Marty', birthDate: '1999-08-30', qualificationLevel: 3, highestQualification: 'CAP Conducteur d’installations de production', prescriber: 'France Travail Toulouse Bagatelle', phone: '06 39 98 01 45' },
  theo: { firstName: 'Théo', lastName: 'Vidal', birthDate: '2005-02-17', qualificationLevel: 0, publicCategory: 'YOUNG_UNQUALIFIED_16_25', prescriber: 'Mission locale Haute-Garonne', phone: '06 39 98 01 58' },
  sofiane: { firstName: 'Sofiane', lastName: 'Amrani', birthDate: '1996-12-03', qualificationLevel: 3, highestQualification: 'CAP Serrurier métallier', publicCategory: 'RSA', prescriber: 'Conseil départemental de la Haute-Garonne', phone: '06 39 98 01 63' },
  kevin: { firstName: 'Kévin', lastName: 'Rouquette', birthDate: '1990-04-09', qualificationLevel: 3, highestQualification: 'BEP Électrotechnique', publicCategory: 'JOB_SEEKER_LONG_TERM', prescriber: 'France Travail Muret', phone: '06 39 98 01 76' },
  jade: { firstName: 'Jade', lastName: 'Ferrand', birthDate: '2002-07-21', qualificationLevel: 4, highestQualification: 'Baccalauréat général', prescriber: 'France Travail Blagnac', phone: '06 39 98 01 81' },
  raphael: { firstName: 'Raphaël', lastName: 'Cabrol', birthDate: '1998-01-26', qualificationLevel: 3, highestQualification: 'CAP Maintenance des matériels', publicCategory: 'AAH', prescriber: 'Cap emploi Haute-Garonne', phone: '06 39 98 01 94' },
  ines: { firstName: 'Inès', lastName: 'Mercier', birthDate: '2001-09-12', qualificationLevel: 4, highestQualification: 'Bac pro Métiers du commerce et de la vente', prescriber: 'France Travail Blagnac', phone: '06 39 98 02 05' },
  benoit: { firstName: 'Benoît', lastName: 'Lefèvre', birthDate: '1982-05-03', qualificationLevel: 4, highestQualification: 'Bac pro Maintenance des équipements industriels', publicCategory: 'JOB_SEEKER_LONG_TERM', prescriber: 'France Travail Colomiers', phone: '06 39 98 02 18' },
  gael: { firstName: 'Gaël', lastName: 'Séguier', birthDate: '1993-10-28', qualificationLevel: 3, highestQualification: 'CAP Réalisations industrielles en chaudronnerie', prescriber: 'France Travail Albi', phone: '06 39 98 02 23' },
  maelle: { firstName: 'Maëlle', lastName: 'Azaïs', birthDate: '2000-04-15', qualificationLevel: 4, highestQualification: 'Bac pro Gestion-administration', prescriber: 'France Travail Albi', phone: '06 39 98 02 36', email: 'alternant@geiq-demo.fr' },
  jeremy: { firstName: 'Jérémy', lastName: 'Carrère', birthDate: '1995-02-08', qualificationLevel: 0, publicCategory: 'RSA', prescriber: 'PLIE de l’Albigeois', phone: '06 39 98 02 41' },
  anais: { firstName: 'Anaïs', lastName: 'Gaubert', birthDate: '2004-12-01', qualificationLevel: 3, highestQualification: 'CAP Peinture en carrosserie', publicCategory: 'YOUNG_UNQUALIFIED_16_25', prescriber: 'Mission locale du Tarn Nord', phone: '06 39 98 02 54' },
  noe: { firstName: 'Noé', lastName: 'Castel', birthDate: '1989-07-19', qualificationLevel: 3, highestQualification: 'CAP Menuisier fabricant', prescriber: 'France Travail Castres', phone: '06 39 98 02 67' },
  oceane: { firstName: 'Océane', lastName: 'Roques', birthDate: '2006-03-30', qualificationLevel: 0, publicCategory: 'YOUNG_UNQUALIFIED_16_25', prescriber: 'Mission locale du Tarn Nord', phone: '06 39 98 02 72' },
  elodie: { firstName: 'Élodie', lastName: 'Bonnet', birthDate: '1985-11-11', qualificationLevel: 3, highestQualification: 'CAP Agent polyvalent de restauration', publicCategory: 'RSA', prescriber: 'Conseil départemental de Tarn-et-Garonne', phone: '06 39 98 02 89' },
  matheo: { firstName: 'Mathéo', lastName: 'Girard', birthDate: '2004-06-06', qualificationLevel: 0, publicCategory: 'YOUNG_UNQUALIFIED_16_25', prescriber: 'Mission locale de Montauban', phone: '06 39 98 02 93' },
  christophe: { firstName: 'Christophe', lastName: 'Laurent', birthDate: '1978-09-02', qualificationLevel: 0, publicCategory: 'JOB_SEEKER_LONG_TERM', prescriber: 'France Travail Montauban', phone: '06 39 98 03 04' },
  zoe: { firstName: 'Zoé', lastName: 'Moreau', birthDate: '2005-10-10', qualificationLevel: 0, publicCategory: 'YOUNG_UNQUALIFIED_16_25', prescriber: 'Mission locale de Montauban', phone: '06 39 98 03 17' },
  chloe: { firstName: 'Chloé', lastName: 'Ndiaye', birthDate: '1997-02-14', qualificationLevel: 4, highestQualification: 'Bac ST2S', prescriber: 'France Travail Montauban', phone: '06 39 98 03 28' },
  manon: { firstName: 'Manon', lastName: 'Fournier', birthDate: '1992-08-25', qualificationLevel: 3, highestQualification: 'CAP Accompagnant éducatif petite enfance', prescriber: 'France Travail Castelsarrasin', phone: '06 39 98 03 39' },
  lucas: { firstName: 'Lucas', lastName: 'Garcia', birthDate: '2006-01-20', qualificationLevel: 0, publicCategory: 'YOUNG_UNQUALIFIED_16_25', prescriber: 'Mission locale de Montauban', phone: '06 39 98 03 46' },
  camille: { firstName: 'Camille', lastName: 'Martinez', birthDate: '1988-12-05', qualificationLevel: 4, highestQualification: 'Bac pro Métiers de l’électricité', publicCategory: 'JOB_SEEKER_LONG_TERM', prescriber: 'France Travail Toulouse Bagatelle', phone: '06 39 98 03 51' },
} as const satisfies Record<string, CreateCandidateInput>;
export type CandidateKey = keyof typeof CANDIDATES;

/** The candidate who logs in (her record's e-mail is her login). */
export const CANDIDATE_LOGIN = { candidate: 'maelle', email: 'alternant@geiq-demo.fr' } as const satisfies { candidate: CandidateKey; email: string };

// ---------------------------------------------------------------------------
// Cohorts: named after the month they start.

export interface CohortSeed {
  namePrefix: string;
  certification: CertificationKey;
  start: Offset;
  referent: StaffKey;
}

export const COHORTS = {
  usinage: { namePrefix: 'Promotion Usinage CN –', certification: 'cqpmMocn', start: ago(14), referent: 'coordination' },
  conduite: { namePrefix: 'Promotion Conduite de lignes Montauban –', certification: 'capConducteur', start: ago(5), referent: 'admin' },
} as const satisfies Record<string, CohortSeed>;
export type CohortKey = keyof typeof COHORTS;
