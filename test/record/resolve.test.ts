import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRecord } from '../../src/record/build.js';
import { comparePersonNames, transliterationKey } from '../../src/record/names.js';
import { memberKey, resolveActors } from '../../src/record/resolve.js';
import { Article } from './fixture.js';
import { miniArc } from './mini-arc.js';

const actorOf = (docs = miniArc(), name: string) => buildRecord(docs).actors.find((a) => a.name === name || a.aliases.includes(name));

describe('person names across articles', () => {
  it('treats transliteration variants as one name and explains why', () => {
    const cmp = comparePersonNames('Khalid Maqbool Siddiqui', 'Khalid Maqbol Siddiqui');
    assert.ok(cmp.score >= 0.9);
    assert.match(cmp.reasons[0]!, /spelling variant maqbool~maqbol/);
    assert.equal(transliterationKey('mehmood'), transliterationKey('mehmud'));
  });

  it('keeps apart two people who share a surname', () => {
    assert.ok(comparePersonNames('Imran Khan', 'Amir Khan').score < 0);
    assert.ok(comparePersonNames('Imran Baloch', 'Nadia Baloch').score < 0);
  });

  it('scores a surname alone and a shorter form lower than the full name', () => {
    const full = comparePersonNames('Tariq Mehmood Qureshi', 'Tariq Mehmood Qureshi').score;
    const shorter = comparePersonNames('Mehmud Qureshi', 'Tariq Mehmood Qureshi').score;
    const surname = comparePersonNames('Qureshi', 'Tariq Mehmood Qureshi').score;
    assert.ok(full > shorter && shorter > surname && surname > 0);
  });

  it('ignores titles and honorifics in front of a name', () => {
    assert.equal(comparePersonNames('Prime Minister Faisal Rehman Chaudhry', 'Dr Faisal Rehman Chaudhry').score, 1);
  });
});

describe('resolveActors', () => {
  it('joins both spellings of the RPL-S convener and his bare surname into one actor, with reasons', () => {
    const qureshi = actorOf(undefined, 'Tariq Mehmood Qureshi')!;
    assert.match(qureshi.id, /^tariq-mehmood-qureshi-[0-9a-f]{10}$/);
    assert.deepEqual(qureshi.members.map((m) => m.name), ['Tariq Mehmood Qureshi', 'Tariq Mehmud Qureshi', 'Qureshi']);
    assert.equal(qureshi.members[1]!.via, 'auto');
    assert.ok(qureshi.members[1]!.reasons.some((r) => r.includes('mehmud~mehmood')));
    assert.ok(qureshi.members[2]!.reasons.some((r) => r.includes('only known person with this surname')));
  });

  it('keeps Imran Baloch (RPL-S) and Nadia Baloch (NJP) apart across four articles', () => {
    const record = buildRecord(miniArc());
    const balochs = record.actors.filter((a) => a.name.endsWith('Baloch'));
    assert.deepEqual(balochs.map((a) => a.name).sort(), ['Imran Baloch', 'Nadia Baloch']);
    assert.equal(balochs.find((a) => a.name === 'Imran Baloch')!.members.length, 2);
    assert.equal(balochs.find((a) => a.name === 'Nadia Baloch')!.members.length, 2);
  });

  it('leaves a bare surname unresolved when two known people carry it', () => {
    const docs = miniArc();
    const later = new Article('MEHRABAD - Baloch said the port would reopen.', '2024-03-07').actor('p1', 'PERSON', 'Baloch').doc;
    const record = buildRecord([...docs, later]);
    const bare = record.actors.find((a) => a.members.some((m) => m.article === later.meta.id))!;
    assert.equal(bare.members.length, 1);
    assert.equal(bare.name, 'Baloch');
  });

  it('uses the party to attach a bare surname when several people carry it', () => {
    const docs = miniArc();
    const later = new Article("MEHRABAD - RPL-S leader Baloch said the port would reopen.", '2024-03-07')
      .actor('p1', 'PERSON', 'Baloch').actor('o1', 'PARTY', 'RPL-S').membership('p1', 'o1', 'RPL-S leader Baloch').doc;
    const record = buildRecord([...docs, later]);
    const imran = record.actors.find((a) => a.name === 'Imran Baloch')!;
    assert.ok(imran.members.some((m) => m.article === later.meta.id));
  });

  it('matches a party by its acronym and its long name', () => {
    const rpls = actorOf(undefined, 'RPL-S')!;
    assert.equal(rpls.type, 'PARTY');
    assert.equal(rpls.members.length, 4);
    assert.ok(rpls.aliases.includes("Rural People's League") || rpls.name === "Rural People's League");
  });

  it('lets a manual split win over the automatic match, and a later manual merge win over the split', () => {
    const docs = miniArc();
    const auto = resolveActors(docs);
    const mehmud = `${docs[1]!.meta.id}:p2`;
    const mehmood = `${docs[0]!.meta.id}:p1`;
    assert.equal(auto.byMember.get(mehmud), auto.byMember.get(mehmood));
    const split = resolveActors(docs, [{ kind: 'split', member: mehmud, from: [mehmood, memberKey(docs[4]!.meta.id, 'p2')] }]);
    assert.notEqual(split.byMember.get(mehmud), split.byMember.get(mehmood));
    const merged = resolveActors(docs, [
      { kind: 'split', member: mehmud, from: [mehmood] },
      { kind: 'merge', a: mehmood, b: mehmud },
    ]);
    assert.equal(merged.byMember.get(mehmud), merged.byMember.get(mehmood));
  });

  it('joins what a manual merge names even when the names do not match', () => {
    const docs = miniArc();
    const chaudhry = `${docs[1]!.meta.id}:p1`;
    const nadia = `${docs[1]!.meta.id}:p3`;
    const r = resolveActors(docs, [{ kind: 'merge', a: chaudhry, b: nadia }]);
    assert.equal(r.byMember.get(chaudhry), r.byMember.get(nadia));
    const actor = r.actors.find((a) => a.id === r.byMember.get(chaudhry))!;
    assert.equal(actor.members.find((m) => m.article === docs[1]!.meta.id && m.local === 'p3')!.via, 'manual');
  });
});
