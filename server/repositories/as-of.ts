/** Stands for "no as-of" where a query needs a bound (a join condition): after every record. */
export const END_OF_TIME = new Date('9999-12-31T23:59:59.999Z');
