import type { PartialDateResolvers } from '../../../schema/__generated__/resolvers-types.js';
import { precisionOf } from '../../shared/dates.js';

export const PartialDate: PartialDateResolvers = {
  value: (date) => date,
  precision: (date) => precisionOf(date),
};
