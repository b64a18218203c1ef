import { digestMessage, type DigestItem } from './reminder-messages.js';

const item = (pathwayId: string, kind: DigestItem['kind'], dueOn: string): DigestItem => ({ pathwayId, candidate: `Camille ${pathwayId}`, kind, dueOn });
const url = (id: string) => `https://jalon.example/parcours/${id}`;

describe('digestMessage', () => {
  it('says what is overdue and what is coming, each linked to its pathway, in French', () => {
    const message = digestMessage({
      firstName: 'Inès',
      weekOf: '2026-06-22',
      horizonDays: 14,
      overdue: [item('p1', 'OPCO_FILING', '2026-06-10'), item('p2', 'JURY_RESULT_MISSING', '2026-06-15')],
      upcoming: [item('p3', 'JURY', '2026-06-30')],
      url,
    });
    expect(message.title).toBe('Vos échéances de la semaine : 2 en retard, 1 à venir');
    expect(message.line).toBe('2 échéances en retard et 1 échéance dans les 14 prochains jours sur les parcours que vous suivez.');
    expect(message.paragraphs).toEqual(['Bonjour Inès,', 'Voici les échéances des parcours dont vous êtes référent·e, pour la semaine du lundi 22 juin 2026.']);
    expect(message.sections).toEqual([
      {
        heading: 'En retard (2)',
        items: [
          { text: 'Camille p1 : contrat à transmettre à l’OPCO, depuis le 10/06/2026', url: url('p1') },
          { text: 'Camille p2 : résultat du jury à saisir, depuis le 15/06/2026', url: url('p2') },
        ],
      },
      { heading: 'Dans les 14 prochains jours (1)', items: [{ text: 'Camille p3 : jury, le 30/06/2026', url: url('p3') }] },
    ]);
  });

  it('leaves out an empty section', () => {
    const message = digestMessage({ firstName: 'Inès', weekOf: '2026-06-22', horizonDays: 7, overdue: [], upcoming: [item('p3', 'TRIAL_END', '2026-06-25')], url });
    expect(message.title).toBe('Vos échéances de la semaine : 1 à venir');
    expect(message.line).toBe('Aucune échéance en retard et 1 échéance dans les 7 prochains jours sur les parcours que vous suivez.');
    expect(message.sections.map((s) => s.heading)).toEqual(['Dans les 7 prochains jours (1)']);
  });
});
