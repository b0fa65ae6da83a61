// Which languages the low-card rule judges. PACT ships its labels in English only (en_US, no
// translations in force-app), and its vocabulary is English sales shorthand; a card in another
// language is kept as written: its words are content words, so it is never refused as a low card.
// The README ("Which languages the rule judges") and the charter say the same.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isLowCard } from '../../force-app/main/default/lwc/pactRules/pactRules.js';
import { REPO_ROOT } from './support';

const FORCE_APP = path.join(REPO_ROOT, 'force-app', 'main', 'default');
const labels = fs.readFileSync(path.join(FORCE_APP, 'labels', 'CustomLabels.labels-meta.xml'), 'utf8');

describe('languages', () => {
    it('PACT ships in English only: every label is en_US and force-app has no translations', () => {
        const languages = new Set([...labels.matchAll(/<language>([^<]+)<\/language>/g)].map((m) => m[1]));
        expect([...languages]).toEqual(['en_US']);
        for (const folder of ['translations', 'objectTranslations', 'customLabelTranslations']) {
            expect({ folder, exists: fs.existsSync(path.join(FORCE_APP, folder)) }).toEqual({ folder, exists: false });
        }
    });

    it.each([
        ['German', 'Kunde angerufen, keine Antwort'],
        ['French', 'Appelé le client, pas de réponse'],
        ['Spanish', 'Llamé al cliente, sin respuesta'],
        ['Portuguese', 'Liguei para o cliente, sem resposta'],
        ['Italian', 'Chiamato il cliente, nessuna risposta'],
        ['Dutch', 'Klant gebeld, geen antwoord'],
        ['Polish', 'Dzwoniłem do klienta, brak odpowiedzi'],
        ['Japanese', '客先に電話、不在'],
        ['Russian', 'Позвонил клиенту, не ответил']
    ])('a low card in %s is not judged: it is kept as written', (_language, details) => {
        expect(isLowCard(details)).toBe(false);
    });

    it('judges English activity words around a name in any script, and content in any script is content', () => {
        expect(isLowCard('Called Herr Weber, left vm')).toBe(true);
        expect(isLowCard('Called Müller: Preiserhöhung über 5 % wird nicht akzeptiert')).toBe(false);
        expect(isLowCard('Called: клиент просит скидку 5% на следующий заказ')).toBe(false);
    });

    it('the charter tells reps which languages are judged, in the label and in its promise record', () => {
        const sentence = 'PACT reads cards in English this way; text in other languages is kept as written.';
        expect(labels).toContain(sentence);
        const promise = fs.readFileSync(
            path.join(FORCE_APP, 'customMetadata', 'PACT_Promise.No_Low_Cards.md-meta.xml'),
            'utf8'
        );
        expect(promise).toContain(sentence);
    });
});
