import { fromJson, jsonObject, type JsonColumns } from './json-columns.js';
import { Prisma } from './generated/client.js';

interface Row {
  id: string;
  startDate: Date;
  endDate: Date | null;
  weeklyHours: Prisma.Decimal | null;
  blocCodes: string[];
}

const ROW: JsonColumns<Row> = { id: 'value', startDate: 'date', endDate: 'date', weeklyHours: 'decimal', blocCodes: 'list' };

describe('JSON built in SQL, read back as Prisma reads rows', () => {
  it('names each field after its model, from its snake_case column', () => {
    expect(jsonObject('ct', ROW).text).toBe("json_build_object('id', ct.id, 'startDate', ct.start_date, 'endDate', ct.end_date, 'weeklyHours', ct.weekly_hours, 'blocCodes', ct.bloc_codes)");
  });

  it('refuses anything but plain names, which it writes into the statement as they are', () => {
    expect(() => jsonObject('ct; DROP TABLE pathways', ROW)).toThrow('Not a plain SQL name');
    expect(() => jsonObject('ct', { "id') FROM users --": 'value' } as JsonColumns<{ "id') FROM users --": string }>)).toThrow('Not a plain SQL name');
  });

  it('gives days as UTC midnight, instants with their offset, decimals and empty lists as Prisma does', () => {
    const row = fromJson(ROW, { id: 'a', startDate: '2026-03-29', endDate: null, weeklyHours: 35.5, blocCodes: null });
    expect(row).toEqual({ id: 'a', startDate: new Date('2026-03-29T00:00:00.000Z'), endDate: null, weeklyHours: new Prisma.Decimal('35.5'), blocCodes: [] });
    expect(fromJson({ at: 'date' } as JsonColumns<{ at: Date }>, { at: '2026-03-29T03:30:00.123+02:00' }).at.toISOString()).toBe('2026-03-29T01:30:00.123Z');
  });
});
