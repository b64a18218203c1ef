/** French e-mail bodies, plain text and HTML from one source. */

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function layout(title: string, paragraphs: string[], action?: { label: string; url: string }): RenderedEmail {
  const text = [...paragraphs, ...(action ? [`${action.label} : ${action.url}`] : []), '', '— Jalon'].join('\n\n');
  const html = `<!doctype html><html lang="fr"><body style="font-family:Arial,sans-serif;color:#1f2933;max-width:560px">
<h1 style="font-size:20px">${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${action ? `<p><a href="${escapeHtml(action.url)}" style="background:#1c5d99;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none">${escapeHtml(action.label)}</a></p><p style="font-size:12px;color:#52606d">Si le bouton ne fonctionne pas, copiez ce lien : ${escapeHtml(action.url)}</p>` : ''}
<p style="font-size:12px;color:#52606d">— Jalon</p>
</body></html>`;
  return { subject: title, text, html };
}

export function invitationEmail(input: { tenantName: string; roleLabel: string; url: string; expiresAt: Date }): RenderedEmail {
  const expires = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(input.expiresAt);
  return layout(
    `Invitation à rejoindre ${input.tenantName} sur Jalon`,
    [
      'Bonjour,',
      `Vous êtes invité·e à rejoindre l’espace de ${input.tenantName} sur Jalon, en tant que : ${input.roleLabel}.`,
      `Pour accepter, choisissez votre mot de passe avec le lien ci-dessous. Il est personnel et valable jusqu’au ${expires}.`,
      'Si vous n’attendiez pas cette invitation, ignorez ce message.',
    ],
    { label: 'Accepter l’invitation', url: input.url },
  );
}

/** A reminder's message, in French, with a link to the pathway in the web app. */
export function reminderEmail(input: { title: string; lines: string[]; url: string }): RenderedEmail {
  return layout(input.title, ['Bonjour,', ...input.lines], { label: 'Ouvrir le parcours', url: input.url });
}

/** A list in an e-mail: a heading, then one line per item, each with its link. */
export interface EmailSection {
  heading: string;
  items: { text: string; url: string }[];
}

/** The weekly digest: paragraphs, then sections of linked items, then one action. */
export function digestEmail(input: { title: string; paragraphs: string[]; sections: EmailSection[]; action: { label: string; url: string } }): RenderedEmail {
  const { title, paragraphs, sections, action } = input;
  const text = [
    ...paragraphs,
    ...sections.map((s) => [s.heading, ...s.items.map((i) => `- ${i.text}\n  ${i.url}`)].join('\n')),
    `${action.label} : ${action.url}`,
    '',
    '— Jalon',
  ].join('\n\n');
  const html = `<!doctype html><html lang="fr"><body style="font-family:Arial,sans-serif;color:#1f2933;max-width:560px">
<h1 style="font-size:20px">${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${sections
  .map((s) => `<h2 style="font-size:16px">${escapeHtml(s.heading)}</h2>\n<ul>\n${s.items.map((i) => `<li><a href="${escapeHtml(i.url)}">${escapeHtml(i.text)}</a></li>`).join('\n')}\n</ul>`)
  .join('\n')}
<p><a href="${escapeHtml(action.url)}" style="background:#1c5d99;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none">${escapeHtml(action.label)}</a></p>
<p style="font-size:12px;color:#52606d">— Jalon</p>
</body></html>`;
  return { subject: title, text, html };
}
