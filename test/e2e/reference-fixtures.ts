/**
 * Reference fields to test pickers with: people, places, and talks whose speaker and guests may
 * link only to people; the oldest person made before more people than the plain select holds,
 * and a place whose name shares its words (a type the fields never offer).
 */
import { systemActor } from '../../src/auth/index.js';
import { createEntry, publishContentType, saveContentType } from '../../src/content/index.js';
import { defineField as f, type Store } from '../../src/store/index.js';
import type { FieldDefinition } from '../../src/store/types.js';

export const scope = { spaceId: 'folio', environmentId: 'master' };

export function entryMaker(store: Store) {
  return async (contentTypeId: string, fields: Record<string, string>) =>
    (await createEntry(store, scope, { contentTypeId, fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { 'en-US': v }])) }, systemActor)).sys.id;
}

/** `beforeFillers`: what to do to the oldest person while it is still the newest (publish it …). */
export async function referenceFixtures(store: Store, fillers: number, beforeFillers?: (oldest: string) => Promise<void>) {
  const makeType = async (id: string, name: string, fields: FieldDefinition[]) => {
    await saveContentType(store, scope, { id, body: { name, description: null, displayField: fields[0]!.id, fields } }, systemActor);
    await publishContentType(store, scope, { id }, systemActor);
  };
  await makeType('person', 'Person', [f('name', 'Symbol', { name: 'Name' }), f('bio', 'Text', { name: 'Bio' })]);
  await makeType('place', 'Place', [f('name', 'Symbol', { name: 'Name' })]);
  const onlyPeople = [{ linkContentType: ['person'] }];
  await makeType('talk', 'Talk', [
    f('title', 'Symbol', { name: 'Title' }),
    f('speaker', 'Link', { name: 'Speaker', linkType: 'Entry', validations: onlyPeople }),
    f('guests', 'Array', { name: 'Guests', items: { type: 'Link', linkType: 'Entry', validations: onlyPeople } }),
  ]);
  const make = entryMaker(store);
  const oldest = await make('person', { name: 'Zebediah Oldname' });
  await beforeFillers?.(oldest);
  // Fixtures in one transaction (the content operations are not what this tests).
  await store.transaction(async (tx) => {
    for (let i = 0; i < fillers; i++) await tx.entries.create(scope, { contentTypeId: 'person', fields: { name: { 'en-US': `Filler ${i}` } } });
  });
  const plaza = await make('place', { name: 'Zebediah Plaza' });
  return { make, oldest, plaza };
}

/**
 * Media fields to test pickers with: galleries whose cover may link only to images and whose
 * files to any asset; the oldest image and PDF made before more assets than the plain select holds.
 */
export async function assetFixtures(store: Store, fillers: number) {
  await saveContentType(
    store,
    scope,
    {
      id: 'gallery',
      body: {
        name: 'Gallery',
        description: null,
        displayField: 'title',
        fields: [
          f('title', 'Symbol', { name: 'Title' }),
          f('cover', 'Link', { name: 'Cover', linkType: 'Asset', validations: [{ linkMimetypeGroup: ['image'] }] }),
          f('files', 'Array', { name: 'Files', items: { type: 'Link', linkType: 'Asset', validations: [] } }),
        ],
      },
    },
    systemActor,
  );
  await publishContentType(store, scope, { id: 'gallery' }, systemActor);
  const asset = async (title: string, fileName: string, contentType: string) =>
    (await store.assets.create(scope, { fields: { title: { 'en-US': title }, file: { 'en-US': { fileName, contentType, url: `//files.example/${fileName}` } } } })).sys.id;
  const image = await asset('Zebediah portrait', 'zebediah.jpg', 'image/jpeg');
  const pdf = await asset('Zebediah résumé', 'zebediah-cv.pdf', 'application/pdf');
  await store.transaction(async (tx) => {
    for (let i = 0; i < fillers; i++) await tx.assets.create(scope, { fields: { title: { 'en-US': `Filler asset ${i}` } } });
  });
  const gallery = await entryMaker(store)('gallery', { title: 'Spring' });
  return { image, pdf, gallery };
}
