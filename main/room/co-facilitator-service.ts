import type { Service } from '../service/methods';
import type { Room } from './room';

/** The host's co-facilitator methods: a pairing code on the open room's address, and revoking one at once. */
export function coFacilitatorService(room: Room): Pick<Service, 'coFacilitator.invite' | 'coFacilitator.revoke'> {
  return {
    'coFacilitator.invite': () => room.invite(),
    'coFacilitator.revoke': ({ id }) => room.revokeCoFacilitator(id),
  };
}
