import { describe, expect, it } from 'vitest';
import { buildFamily, buildModel, buildProductName, buildVendor } from '../src/snmp/identify.js';

describe('buildVendor', () => {
  it.each([
    ['1.3.6.1.4.1.1602.4.7', 'Canon iR-ADV C5235 /P', 'Canon'],
    ['1.3.6.1.4.1.1602', null, 'Canon'],
    [null, 'Canon LBP6670 /P', 'Canon'],
    ['1.3.6.1.4.1.11.2.3.9.1', 'HP ETHERNET MULTI-ENVIRONMENT', 'HP'],
    ['1.3.6.1.4.1.16020.1', 'Some device', null], // enterprise 16020 is not under 1602
    ['1.3.6.1.4.1.99999.1', 'KONICA MINOLTA bizhub C300i', 'Konica Minolta'],
    [null, 'Generic printer', null],
    [null, null, null],
  ])('%s / %s → %s', (oid, descr, expected) => expect(buildVendor(oid, descr)).toBe(expected));
});

describe('buildModel', () => {
  it.each([
    ['Canon iR-ADV C5535 /P', 'iR-ADV C5535'],
    ['iR C2550i', 'iR C2550i'],
    ['Canon iR2525', 'iR2525'],
    ['  ', null],
    [null, null],
  ])('%s → %s', (input, expected) => expect(buildModel(input)).toBe(expected));
});

describe('buildFamily', () => {
  it.each([
    ['Canon', 'iR-ADV C5535i', null, 'iR-ADV'],
    ['Canon', 'imageRUNNER ADVANCE C5535i', null, 'iR-ADV'],
    ['Canon', 'iR C2550i', null, 'iRC'],
    ['Canon', 'iRC3380', null, 'iRC'],
    ['Canon', 'iR2525', null, 'iR'],
    ['Canon', 'iR 2018', null, 'iR'],
    ['Canon', 'imageRUNNER 2525', null, 'iR'],
    ['Canon', null, 'Canon iR-ADV C3525 /P', 'iR-ADV'],
    ['Canon', 'LBP6670', null, 'other'],
    ['Canon', 'MF8580Cdw', null, 'other'],
    ['Canon', 'TM-300', null, 'other'],
    ['HP', 'iR-ADV C5535i', null, 'other'],
    [null, null, null, 'other'],
  ] as const)('%s %s / %s → %s', (vendor, model, descr, expected) => expect(buildFamily(vendor, model, descr)).toBe(expected));
});

describe('buildProductName', () => {
  it.each([
    ['iR C2550i', 'IRC2550I'], // the manual's example
    ['iR-ADV C5535i', 'IRADVC5535I'],
    ['iR2525', 'IR2525'],
    ['Canon iR-ADV C5535i III', 'IRADVC5535IIII'],
    ['', null],
    [null, null],
  ])('%s → %s', (model, expected) => expect(buildProductName(model)).toBe(expected));
});
