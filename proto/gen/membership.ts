import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { JoinRaftRequest as _shoal_membership_JoinRaftRequest, JoinRaftRequest__Output as _shoal_membership_JoinRaftRequest__Output } from './shoal/membership/JoinRaftRequest';
import type { JoinRaftResponse as _shoal_membership_JoinRaftResponse, JoinRaftResponse__Output as _shoal_membership_JoinRaftResponse__Output } from './shoal/membership/JoinRaftResponse';
import type { LeaveRaftRequest as _shoal_membership_LeaveRaftRequest, LeaveRaftRequest__Output as _shoal_membership_LeaveRaftRequest__Output } from './shoal/membership/LeaveRaftRequest';
import type { LeaveRaftResponse as _shoal_membership_LeaveRaftResponse, LeaveRaftResponse__Output as _shoal_membership_LeaveRaftResponse__Output } from './shoal/membership/LeaveRaftResponse';
import type { MembershipClient as _shoal_membership_MembershipClient, MembershipDefinition as _shoal_membership_MembershipDefinition } from './shoal/membership/Membership';
import type { RaftPeer as _shoal_membership_RaftPeer, RaftPeer__Output as _shoal_membership_RaftPeer__Output } from './shoal/membership/RaftPeer';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  shoal: {
    membership: {
      JoinRaftRequest: MessageTypeDefinition<_shoal_membership_JoinRaftRequest, _shoal_membership_JoinRaftRequest__Output>
      JoinRaftResponse: MessageTypeDefinition<_shoal_membership_JoinRaftResponse, _shoal_membership_JoinRaftResponse__Output>
      LeaveRaftRequest: MessageTypeDefinition<_shoal_membership_LeaveRaftRequest, _shoal_membership_LeaveRaftRequest__Output>
      LeaveRaftResponse: MessageTypeDefinition<_shoal_membership_LeaveRaftResponse, _shoal_membership_LeaveRaftResponse__Output>
      Membership: SubtypeConstructor<typeof grpc.Client, _shoal_membership_MembershipClient> & { service: _shoal_membership_MembershipDefinition }
      RaftPeer: MessageTypeDefinition<_shoal_membership_RaftPeer, _shoal_membership_RaftPeer__Output>
    }
  }
}

