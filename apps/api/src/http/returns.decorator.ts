import { ApiExtension } from '@nestjs/swagger';

/**
 * Names the type of a route's JSON answer, as written in @jalon/contracts
 * (`Page<PathwaySummary>`), in the OpenAPI document: the web client generated
 * from it gets typed answers. It must repeat the method's declared return
 * type; `returns.spec.ts` checks every controller for that.
 */
export const Returns = (type: string) => ApiExtension(RETURNS_EXTENSION, type);

export const RETURNS_EXTENSION = 'x-returns';
/** Where the type name goes in the document: on the schema of the success answer. */
export const CONTRACT_TYPE_EXTENSION = 'x-contract-type';
