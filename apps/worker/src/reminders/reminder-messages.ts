import { DEADLINE_KIND_LABELS, type DeadlineKind } from '@jalon/contracts';
import type { EmailSection } from '@jalon/server/mail';

/** What each reminder says, in French (subject and one line), from its data. */
export function reminderMessage(kind: string, candidate: string, data: Record<string, unknown>): { title: string; line: string } {
  const on = typeof data['dueOn'] === 'string' || typeof data['date'] === 'string' ? frenchDay(String(data['date'] ?? data['dueOn'])) : '';
  switch (kind) {
    case 'OPCO_FILING_DUE':
      return { title: `Contrat de ${candidate} à transmettre à l’OPCO`, line: `Le contrat de ${candidate} n’est pas encore transmis à l’OPCO (délai légal : 5 jours après le début).` };
    case 'OPCO_SILENCE':
      return { title: `OPCO sans réponse pour ${candidate}`, line: `L’OPCO n’a pas répondu dans les 20 jours : la prise en charge peut être enregistrée comme acceptée implicitement.` };
    case 'TRIAL_ENDING':
      return { title: `Fin de période d’essai de ${candidate}`, line: `La période d’essai de ${candidate} se termine bientôt${on ? ` (${on})` : ''}.` };
    case 'PAY_BRACKET_CHANGE':
      return { title: `Changement de rémunération de ${candidate}`, line: `Le pourcentage du SMIC de ${candidate} change ce mois-ci (changement de tranche d’âge) : mettez à jour le salaire.` };
    case 'CONTRACT_ENDING':
      return {
        title: `Fin de contrat de ${candidate}${data['escalated'] ? ' sans jury programmé' : ''}`,
        line: `Le contrat de ${candidate} se termine${on ? ` le ${on}` : ' bientôt'}.${data['escalated'] ? ' Aucun jury n’est encore programmé.' : ''}`,
      };
    case 'AFEST_REFLECTION_DUE':
      return { title: `Séquence réflexive AFEST à prévoir pour ${candidate}`, line: `Une mise en situation de travail attend sa séquence réflexive depuis une semaine.` };
    case 'ADMISSIBILITY_CHECK':
      return { title: `Recevabilité de ${candidate} : toujours sans décision`, line: `Le dossier de recevabilité est complet depuis 45 jours sans décision du certificateur : relancez-le.` };
    case 'ADMISSIBILITY_IMPLICIT':
      return { title: `Recevabilité implicite possible pour ${candidate}`, line: `Deux mois sont passés sans décision : la recevabilité peut être enregistrée comme implicite.` };
    case 'ADMISSIBILITY_EXPIRING':
      return { title: `Recevabilité de ${candidate} bientôt expirée`, line: `La recevabilité expire${on ? ` le ${on}` : ' bientôt'} et le dossier de validation n’est pas encore déposé.` };
    case 'JURY_UPCOMING':
      return { title: `Jury de ${candidate}${on ? ` le ${on}` : ' bientôt'}`, line: `Le passage devant le jury approche : vérifiez que tout est prêt.` };
    case 'JURY_RESULT_MISSING':
      return { title: `Résultat du jury de ${candidate} à saisir`, line: `Le jury a eu lieu il y a une semaine : enregistrez son résultat.` };
    case 'TUTOR_SILENT':
      return { title: `Suivi de ${candidate} à compléter`, line: `Aucune observation n’a été saisie pour ${candidate} depuis une semaine : notez ce qui a été fait et les compétences travaillées.` };
    case 'TUTOR_SILENT_ESCALATION':
      return { title: `Tuteur sans nouvelles pour ${candidate}`, line: `Le tuteur de ${candidate} n’a rien saisi depuis deux semaines : prenez contact avec lui.` };
    case 'INACTIVE':
      return { title: `Parcours de ${candidate} sans activité`, line: `Rien ne s’est passé sur le parcours de ${candidate} depuis deux mois.` };
    default:
      return { title: `Rappel pour ${candidate}`, line: 'Un rappel concerne ce parcours.' };
  }
}

function frenchDay(date: string): string {
  const [y, m, d] = date.split('-');
  return y && m && d ? `${d}/${m}/${y}` : date;
}

/** A deadline of one of the coordinator's pathways, as the weekly digest lists it. */
export interface DigestItem {
  pathwayId: string;
  candidate: string;
  kind: DeadlineKind;
  dueOn: string;
}

/**
 * The weekly digest's wording, in French: its subject (also the
 * notification's title), the notification's line, and the e-mail's
 * paragraphs and sections, each item linked to its pathway by `url`.
 */
export function digestMessage(input: { firstName: string; weekOf: string; horizonDays: number; overdue: DigestItem[]; upcoming: DigestItem[]; url: (pathwayId: string) => string }) {
  const { firstName, weekOf, horizonDays, overdue, upcoming, url } = input;
  const counts = [
    ...(overdue.length ? [`${overdue.length} en retard`] : []),
    ...(upcoming.length ? [`${upcoming.length} à venir`] : []),
  ];
  const item = (d: DigestItem, late: boolean) => ({ text: `${d.candidate} : ${DEADLINE_KIND_LABELS[d.kind]}, ${late ? 'depuis le' : 'le'} ${frenchDay(d.dueOn)}`, url: url(d.pathwayId) });
  const sections: EmailSection[] = [
    ...(overdue.length ? [{ heading: `En retard (${overdue.length})`, items: overdue.map((d) => item(d, true)) }] : []),
    ...(upcoming.length ? [{ heading: `Dans les ${horizonDays} prochains jours (${upcoming.length})`, items: upcoming.map((d) => item(d, false)) }] : []),
  ];
  const week = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${weekOf}T00:00:00Z`));
  return {
    title: `Vos échéances de la semaine : ${counts.join(', ')}`,
    line: `${capitalised(plural(overdue.length, 'échéance en retard', 'échéances en retard'))} et ${plural(upcoming.length, 'échéance', 'échéances')} dans les ${horizonDays} prochains jours sur les parcours que vous suivez.`,
    paragraphs: [`Bonjour ${firstName},`, `Voici les échéances des parcours dont vous êtes référent·e, pour la semaine du ${week}.`],
    sections,
  };
}

function plural(count: number, one: string, many: string): string {
  return count === 0 ? `aucune ${one}` : `${count} ${count === 1 ? one : many}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
