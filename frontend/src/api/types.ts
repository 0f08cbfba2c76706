/**
 * Shapes of the RoadChief HTTP API. Generated ones come from the server's OpenAPI document
 * (./schema.gen.ts, `npm run api:generate`): aliased here, never written by hand.
 */
import type { components } from './schema.gen'

type S = components['schemas']

export type TicketStatus = S['Status']
export type Light = NonNullable<S['TicketRead']['light']>
export type Ref = S['Ref']
export type UserRef = S['UserRef']
export type Department = S['DepartmentRef']
export type Photo = S['TicketPhoto']
export type TicketEvent = S['TicketEvent']
/** A ticket as lists answer it; one read alone (TicketDetail) adds its ledger events and links. */
export type Ticket = S['TicketRead'] & Partial<Pick<S['TicketDetail'], 'events' | 'media_urls'>>
export type TicketDetail = S['TicketDetail']
export type TicketPage = S['TicketPage']

export type Role = S['Role']
export type Me = S['UserRead']
export type Category = S['CategoryRead']
export type RoadFeature = S['RoadFeature']
export type RoadCollection = S['RoadCollection']
export type ZoneFeature = S['ZoneFeature']
export type ZoneCollection = S['ZoneCollection']
export type GridCollection = S['GridCollection']
export type ClientConfig = S['ClientConfig']

/** A page of a list: {data, count} (count: how many match over all pages). */
export interface Page<T> {
  data: T[]
  count: number
}
