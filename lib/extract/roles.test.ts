import { describe, expect, it } from 'vitest';
import { extractSeed, extractWithRegistry, plain } from '../dataset/test-helpers';

const roles = (id: string) => extractSeed(id).roles.map((r) => [r.entityId, r.title, r.evidence]);

describe('roles as each source states them', () => {
  it('reads titles before names and appositives after them in Sputnik', () => {
    expect(roles('sputnik-2021-08-19-lavrov')).toEqual(
      expect.arrayContaining([
        ['sergei-lavrov', 'Russian Foreign Minister', 'Russian Foreign Minister Sergei Lavrov'],
        ['zabihullah-mujahid', 'Taliban spokesman', 'Taliban spokesman Zabihullah Mujahid'],
        ['abdullah-abdullah', 'chairman of the supreme council of national reconciliation', 'Abdullah Abdullah, chairman of the supreme council of national reconciliation'],
        ['hamid-karzai', 'former president', 'former president Hamid Karzai'],
        ['gulbuddin-hekmatyar', 'chairman of the Islamic Renaissance Party', 'the chairman of the Islamic Renaissance Party [Gulbuddin] Hekmatyar'],
        ['najla-mangoush', 'Libyan counterpart', 'his Libyan counterpart, Najla Mangoush'],
        ['ashraf-ghani', 'pro-US Afghan president', 'pro-US Afghan president Ashraf Ghani'],
        ['ebrahim-raisi', 'President', 'President Ebrahim Raisi'],
      ]),
    );
  });

  it('reads China Daily titles, including a possessive and an appositive comma', () => {
    expect(roles('chinadaily-2021-08-19-russia')).toEqual(
      expect.arrayContaining([
        ['dmitry-zhirnov', "Russia's Ambassador to Afghanistan", "Russia's Ambassador to Afghanistan Dmitry Zhirnov"],
        ['zamir-kabulov', "Kremlin's special envoy to Afghanistan", "the Kremlin's special envoy to Afghanistan, Zamir Kabulov"],
        ['rossiya-24', 'state-run TV network', 'state-run TV network Rossiya 24'],
        ['sergei-lavrov', 'Russian Foreign Minister', 'Russian Foreign Minister Sergei Lavrov'],
      ]),
    );
  });

  it('never runs a title across another name or a clause', () => {
    const a = extractWithRegistry(plain('T', 'In the city of Kaliningrad, Lavrov said so. On Monday, Kabulov and Lavrov met.'));
    expect(a.roles).toEqual([]);
  });
});
