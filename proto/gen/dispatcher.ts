import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Annotations as _shoal_api_Annotations, Annotations__Output as _shoal_api_Annotations__Output } from './shoal/api/Annotations';
import type { CAConfig as _shoal_api_CAConfig, CAConfig__Output as _shoal_api_CAConfig__Output } from './shoal/api/CAConfig';
import type { Cluster as _shoal_api_Cluster, Cluster__Output as _shoal_api_Cluster__Output } from './shoal/api/Cluster';
import type { ClusterSpec as _shoal_api_ClusterSpec, ClusterSpec__Output as _shoal_api_ClusterSpec__Output } from './shoal/api/ClusterSpec';
import type { Config as _shoal_api_Config, Config__Output as _shoal_api_Config__Output } from './shoal/api/Config';
import type { ConfigReference as _shoal_api_ConfigReference, ConfigReference__Output as _shoal_api_ConfigReference__Output } from './shoal/api/ConfigReference';
import type { ConfigSpec as _shoal_api_ConfigSpec, ConfigSpec__Output as _shoal_api_ConfigSpec__Output } from './shoal/api/ConfigSpec';
import type { ContainerSpec as _shoal_api_ContainerSpec, ContainerSpec__Output as _shoal_api_ContainerSpec__Output } from './shoal/api/ContainerSpec';
import type { ContainerStatus as _shoal_api_ContainerStatus, ContainerStatus__Output as _shoal_api_ContainerStatus__Output } from './shoal/api/ContainerStatus';
import type { DispatcherConfig as _shoal_api_DispatcherConfig, DispatcherConfig__Output as _shoal_api_DispatcherConfig__Output } from './shoal/api/DispatcherConfig';
import type { Endpoint as _shoal_api_Endpoint, Endpoint__Output as _shoal_api_Endpoint__Output } from './shoal/api/Endpoint';
import type { EndpointSpec as _shoal_api_EndpointSpec, EndpointSpec__Output as _shoal_api_EndpointSpec__Output } from './shoal/api/EndpointSpec';
import type { EngineDescription as _shoal_api_EngineDescription, EngineDescription__Output as _shoal_api_EngineDescription__Output } from './shoal/api/EngineDescription';
import type { FileTarget as _shoal_api_FileTarget, FileTarget__Output as _shoal_api_FileTarget__Output } from './shoal/api/FileTarget';
import type { GlobalJob as _shoal_api_GlobalJob, GlobalJob__Output as _shoal_api_GlobalJob__Output } from './shoal/api/GlobalJob';
import type { GlobalService as _shoal_api_GlobalService, GlobalService__Output as _shoal_api_GlobalService__Output } from './shoal/api/GlobalService';
import type { HealthConfig as _shoal_api_HealthConfig, HealthConfig__Output as _shoal_api_HealthConfig__Output } from './shoal/api/HealthConfig';
import type { IPAMConfig as _shoal_api_IPAMConfig, IPAMConfig__Output as _shoal_api_IPAMConfig__Output } from './shoal/api/IPAMConfig';
import type { IPAMOptions as _shoal_api_IPAMOptions, IPAMOptions__Output as _shoal_api_IPAMOptions__Output } from './shoal/api/IPAMOptions';
import type { JoinTokens as _shoal_api_JoinTokens, JoinTokens__Output as _shoal_api_JoinTokens__Output } from './shoal/api/JoinTokens';
import type { LogContext as _shoal_api_LogContext, LogContext__Output as _shoal_api_LogContext__Output } from './shoal/api/LogContext';
import type { LogMessage as _shoal_api_LogMessage, LogMessage__Output as _shoal_api_LogMessage__Output } from './shoal/api/LogMessage';
import type { LogOptions as _shoal_api_LogOptions, LogOptions__Output as _shoal_api_LogOptions__Output } from './shoal/api/LogOptions';
import type { LogSelector as _shoal_api_LogSelector, LogSelector__Output as _shoal_api_LogSelector__Output } from './shoal/api/LogSelector';
import type { ManagerStatus as _shoal_api_ManagerStatus, ManagerStatus__Output as _shoal_api_ManagerStatus__Output } from './shoal/api/ManagerStatus';
import type { Meta as _shoal_api_Meta, Meta__Output as _shoal_api_Meta__Output } from './shoal/api/Meta';
import type { Mount as _shoal_api_Mount, Mount__Output as _shoal_api_Mount__Output } from './shoal/api/Mount';
import type { Network as _shoal_api_Network, Network__Output as _shoal_api_Network__Output } from './shoal/api/Network';
import type { NetworkAttachment as _shoal_api_NetworkAttachment, NetworkAttachment__Output as _shoal_api_NetworkAttachment__Output } from './shoal/api/NetworkAttachment';
import type { NetworkAttachmentConfig as _shoal_api_NetworkAttachmentConfig, NetworkAttachmentConfig__Output as _shoal_api_NetworkAttachmentConfig__Output } from './shoal/api/NetworkAttachmentConfig';
import type { NetworkSpec as _shoal_api_NetworkSpec, NetworkSpec__Output as _shoal_api_NetworkSpec__Output } from './shoal/api/NetworkSpec';
import type { Node as _shoal_api_Node, Node__Output as _shoal_api_Node__Output } from './shoal/api/Node';
import type { NodeDescription as _shoal_api_NodeDescription, NodeDescription__Output as _shoal_api_NodeDescription__Output } from './shoal/api/NodeDescription';
import type { NodeSpec as _shoal_api_NodeSpec, NodeSpec__Output as _shoal_api_NodeSpec__Output } from './shoal/api/NodeSpec';
import type { NodeStatus as _shoal_api_NodeStatus, NodeStatus__Output as _shoal_api_NodeStatus__Output } from './shoal/api/NodeStatus';
import type { OrchestrationConfig as _shoal_api_OrchestrationConfig, OrchestrationConfig__Output as _shoal_api_OrchestrationConfig__Output } from './shoal/api/OrchestrationConfig';
import type { Placement as _shoal_api_Placement, Placement__Output as _shoal_api_Placement__Output } from './shoal/api/Placement';
import type { PlacementPreference as _shoal_api_PlacementPreference, PlacementPreference__Output as _shoal_api_PlacementPreference__Output } from './shoal/api/PlacementPreference';
import type { Platform as _shoal_api_Platform, Platform__Output as _shoal_api_Platform__Output } from './shoal/api/Platform';
import type { PortConfig as _shoal_api_PortConfig, PortConfig__Output as _shoal_api_PortConfig__Output } from './shoal/api/PortConfig';
import type { PortStatus as _shoal_api_PortStatus, PortStatus__Output as _shoal_api_PortStatus__Output } from './shoal/api/PortStatus';
import type { PullOptions as _shoal_api_PullOptions, PullOptions__Output as _shoal_api_PullOptions__Output } from './shoal/api/PullOptions';
import type { RaftConfig as _shoal_api_RaftConfig, RaftConfig__Output as _shoal_api_RaftConfig__Output } from './shoal/api/RaftConfig';
import type { ReplicatedJob as _shoal_api_ReplicatedJob, ReplicatedJob__Output as _shoal_api_ReplicatedJob__Output } from './shoal/api/ReplicatedJob';
import type { ReplicatedService as _shoal_api_ReplicatedService, ReplicatedService__Output as _shoal_api_ReplicatedService__Output } from './shoal/api/ReplicatedService';
import type { ResourceRequirements as _shoal_api_ResourceRequirements, ResourceRequirements__Output as _shoal_api_ResourceRequirements__Output } from './shoal/api/ResourceRequirements';
import type { Resources as _shoal_api_Resources, Resources__Output as _shoal_api_Resources__Output } from './shoal/api/Resources';
import type { RestartPolicy as _shoal_api_RestartPolicy, RestartPolicy__Output as _shoal_api_RestartPolicy__Output } from './shoal/api/RestartPolicy';
import type { RootCA as _shoal_api_RootCA, RootCA__Output as _shoal_api_RootCA__Output } from './shoal/api/RootCA';
import type { Secret as _shoal_api_Secret, Secret__Output as _shoal_api_Secret__Output } from './shoal/api/Secret';
import type { SecretReference as _shoal_api_SecretReference, SecretReference__Output as _shoal_api_SecretReference__Output } from './shoal/api/SecretReference';
import type { SecretSpec as _shoal_api_SecretSpec, SecretSpec__Output as _shoal_api_SecretSpec__Output } from './shoal/api/SecretSpec';
import type { Service as _shoal_api_Service, Service__Output as _shoal_api_Service__Output } from './shoal/api/Service';
import type { ServiceSpec as _shoal_api_ServiceSpec, ServiceSpec__Output as _shoal_api_ServiceSpec__Output } from './shoal/api/ServiceSpec';
import type { Task as _shoal_api_Task, Task__Output as _shoal_api_Task__Output } from './shoal/api/Task';
import type { TaskSpec as _shoal_api_TaskSpec, TaskSpec__Output as _shoal_api_TaskSpec__Output } from './shoal/api/TaskSpec';
import type { TaskStatus as _shoal_api_TaskStatus, TaskStatus__Output as _shoal_api_TaskStatus__Output } from './shoal/api/TaskStatus';
import type { UpdateConfig as _shoal_api_UpdateConfig, UpdateConfig__Output as _shoal_api_UpdateConfig__Output } from './shoal/api/UpdateConfig';
import type { UpdateStatus as _shoal_api_UpdateStatus, UpdateStatus__Output as _shoal_api_UpdateStatus__Output } from './shoal/api/UpdateStatus';
import type { VirtualIP as _shoal_api_VirtualIP, VirtualIP__Output as _shoal_api_VirtualIP__Output } from './shoal/api/VirtualIP';
import type { Assignment as _shoal_dispatcher_Assignment, Assignment__Output as _shoal_dispatcher_Assignment__Output } from './shoal/dispatcher/Assignment';
import type { AssignmentChange as _shoal_dispatcher_AssignmentChange, AssignmentChange__Output as _shoal_dispatcher_AssignmentChange__Output } from './shoal/dispatcher/AssignmentChange';
import type { AssignmentsMessage as _shoal_dispatcher_AssignmentsMessage, AssignmentsMessage__Output as _shoal_dispatcher_AssignmentsMessage__Output } from './shoal/dispatcher/AssignmentsMessage';
import type { AssignmentsRequest as _shoal_dispatcher_AssignmentsRequest, AssignmentsRequest__Output as _shoal_dispatcher_AssignmentsRequest__Output } from './shoal/dispatcher/AssignmentsRequest';
import type { DispatcherClient as _shoal_dispatcher_DispatcherClient, DispatcherDefinition as _shoal_dispatcher_DispatcherDefinition } from './shoal/dispatcher/Dispatcher';
import type { HeartbeatRequest as _shoal_dispatcher_HeartbeatRequest, HeartbeatRequest__Output as _shoal_dispatcher_HeartbeatRequest__Output } from './shoal/dispatcher/HeartbeatRequest';
import type { HeartbeatResponse as _shoal_dispatcher_HeartbeatResponse, HeartbeatResponse__Output as _shoal_dispatcher_HeartbeatResponse__Output } from './shoal/dispatcher/HeartbeatResponse';
import type { LogSubscription as _shoal_dispatcher_LogSubscription, LogSubscription__Output as _shoal_dispatcher_LogSubscription__Output } from './shoal/dispatcher/LogSubscription';
import type { LogSubscriptionsRequest as _shoal_dispatcher_LogSubscriptionsRequest, LogSubscriptionsRequest__Output as _shoal_dispatcher_LogSubscriptionsRequest__Output } from './shoal/dispatcher/LogSubscriptionsRequest';
import type { PublishLogsMessage as _shoal_dispatcher_PublishLogsMessage, PublishLogsMessage__Output as _shoal_dispatcher_PublishLogsMessage__Output } from './shoal/dispatcher/PublishLogsMessage';
import type { PublishLogsResponse as _shoal_dispatcher_PublishLogsResponse, PublishLogsResponse__Output as _shoal_dispatcher_PublishLogsResponse__Output } from './shoal/dispatcher/PublishLogsResponse';
import type { RegisterRequest as _shoal_dispatcher_RegisterRequest, RegisterRequest__Output as _shoal_dispatcher_RegisterRequest__Output } from './shoal/dispatcher/RegisterRequest';
import type { RegisterResponse as _shoal_dispatcher_RegisterResponse, RegisterResponse__Output as _shoal_dispatcher_RegisterResponse__Output } from './shoal/dispatcher/RegisterResponse';
import type { TaskStatusUpdate as _shoal_dispatcher_TaskStatusUpdate, TaskStatusUpdate__Output as _shoal_dispatcher_TaskStatusUpdate__Output } from './shoal/dispatcher/TaskStatusUpdate';
import type { UpdateTaskStatusRequest as _shoal_dispatcher_UpdateTaskStatusRequest, UpdateTaskStatusRequest__Output as _shoal_dispatcher_UpdateTaskStatusRequest__Output } from './shoal/dispatcher/UpdateTaskStatusRequest';
import type { UpdateTaskStatusResponse as _shoal_dispatcher_UpdateTaskStatusResponse, UpdateTaskStatusResponse__Output as _shoal_dispatcher_UpdateTaskStatusResponse__Output } from './shoal/dispatcher/UpdateTaskStatusResponse';
import type { WeightedPeer as _shoal_dispatcher_WeightedPeer, WeightedPeer__Output as _shoal_dispatcher_WeightedPeer__Output } from './shoal/dispatcher/WeightedPeer';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  shoal: {
    api: {
      Annotations: MessageTypeDefinition<_shoal_api_Annotations, _shoal_api_Annotations__Output>
      CAConfig: MessageTypeDefinition<_shoal_api_CAConfig, _shoal_api_CAConfig__Output>
      Cluster: MessageTypeDefinition<_shoal_api_Cluster, _shoal_api_Cluster__Output>
      ClusterSpec: MessageTypeDefinition<_shoal_api_ClusterSpec, _shoal_api_ClusterSpec__Output>
      Config: MessageTypeDefinition<_shoal_api_Config, _shoal_api_Config__Output>
      ConfigReference: MessageTypeDefinition<_shoal_api_ConfigReference, _shoal_api_ConfigReference__Output>
      ConfigSpec: MessageTypeDefinition<_shoal_api_ConfigSpec, _shoal_api_ConfigSpec__Output>
      ContainerSpec: MessageTypeDefinition<_shoal_api_ContainerSpec, _shoal_api_ContainerSpec__Output>
      ContainerStatus: MessageTypeDefinition<_shoal_api_ContainerStatus, _shoal_api_ContainerStatus__Output>
      DispatcherConfig: MessageTypeDefinition<_shoal_api_DispatcherConfig, _shoal_api_DispatcherConfig__Output>
      Endpoint: MessageTypeDefinition<_shoal_api_Endpoint, _shoal_api_Endpoint__Output>
      EndpointSpec: MessageTypeDefinition<_shoal_api_EndpointSpec, _shoal_api_EndpointSpec__Output>
      EngineDescription: MessageTypeDefinition<_shoal_api_EngineDescription, _shoal_api_EngineDescription__Output>
      FileTarget: MessageTypeDefinition<_shoal_api_FileTarget, _shoal_api_FileTarget__Output>
      GlobalJob: MessageTypeDefinition<_shoal_api_GlobalJob, _shoal_api_GlobalJob__Output>
      GlobalService: MessageTypeDefinition<_shoal_api_GlobalService, _shoal_api_GlobalService__Output>
      HealthConfig: MessageTypeDefinition<_shoal_api_HealthConfig, _shoal_api_HealthConfig__Output>
      IPAMConfig: MessageTypeDefinition<_shoal_api_IPAMConfig, _shoal_api_IPAMConfig__Output>
      IPAMOptions: MessageTypeDefinition<_shoal_api_IPAMOptions, _shoal_api_IPAMOptions__Output>
      JoinTokens: MessageTypeDefinition<_shoal_api_JoinTokens, _shoal_api_JoinTokens__Output>
      LogContext: MessageTypeDefinition<_shoal_api_LogContext, _shoal_api_LogContext__Output>
      LogMessage: MessageTypeDefinition<_shoal_api_LogMessage, _shoal_api_LogMessage__Output>
      LogOptions: MessageTypeDefinition<_shoal_api_LogOptions, _shoal_api_LogOptions__Output>
      LogSelector: MessageTypeDefinition<_shoal_api_LogSelector, _shoal_api_LogSelector__Output>
      ManagerStatus: MessageTypeDefinition<_shoal_api_ManagerStatus, _shoal_api_ManagerStatus__Output>
      Meta: MessageTypeDefinition<_shoal_api_Meta, _shoal_api_Meta__Output>
      Mount: MessageTypeDefinition<_shoal_api_Mount, _shoal_api_Mount__Output>
      Network: MessageTypeDefinition<_shoal_api_Network, _shoal_api_Network__Output>
      NetworkAttachment: MessageTypeDefinition<_shoal_api_NetworkAttachment, _shoal_api_NetworkAttachment__Output>
      NetworkAttachmentConfig: MessageTypeDefinition<_shoal_api_NetworkAttachmentConfig, _shoal_api_NetworkAttachmentConfig__Output>
      NetworkSpec: MessageTypeDefinition<_shoal_api_NetworkSpec, _shoal_api_NetworkSpec__Output>
      Node: MessageTypeDefinition<_shoal_api_Node, _shoal_api_Node__Output>
      NodeDescription: MessageTypeDefinition<_shoal_api_NodeDescription, _shoal_api_NodeDescription__Output>
      NodeSpec: MessageTypeDefinition<_shoal_api_NodeSpec, _shoal_api_NodeSpec__Output>
      NodeStatus: MessageTypeDefinition<_shoal_api_NodeStatus, _shoal_api_NodeStatus__Output>
      OrchestrationConfig: MessageTypeDefinition<_shoal_api_OrchestrationConfig, _shoal_api_OrchestrationConfig__Output>
      Placement: MessageTypeDefinition<_shoal_api_Placement, _shoal_api_Placement__Output>
      PlacementPreference: MessageTypeDefinition<_shoal_api_PlacementPreference, _shoal_api_PlacementPreference__Output>
      Platform: MessageTypeDefinition<_shoal_api_Platform, _shoal_api_Platform__Output>
      PortConfig: MessageTypeDefinition<_shoal_api_PortConfig, _shoal_api_PortConfig__Output>
      PortStatus: MessageTypeDefinition<_shoal_api_PortStatus, _shoal_api_PortStatus__Output>
      PullOptions: MessageTypeDefinition<_shoal_api_PullOptions, _shoal_api_PullOptions__Output>
      RaftConfig: MessageTypeDefinition<_shoal_api_RaftConfig, _shoal_api_RaftConfig__Output>
      ReplicatedJob: MessageTypeDefinition<_shoal_api_ReplicatedJob, _shoal_api_ReplicatedJob__Output>
      ReplicatedService: MessageTypeDefinition<_shoal_api_ReplicatedService, _shoal_api_ReplicatedService__Output>
      ResourceRequirements: MessageTypeDefinition<_shoal_api_ResourceRequirements, _shoal_api_ResourceRequirements__Output>
      Resources: MessageTypeDefinition<_shoal_api_Resources, _shoal_api_Resources__Output>
      RestartPolicy: MessageTypeDefinition<_shoal_api_RestartPolicy, _shoal_api_RestartPolicy__Output>
      RootCA: MessageTypeDefinition<_shoal_api_RootCA, _shoal_api_RootCA__Output>
      Secret: MessageTypeDefinition<_shoal_api_Secret, _shoal_api_Secret__Output>
      SecretReference: MessageTypeDefinition<_shoal_api_SecretReference, _shoal_api_SecretReference__Output>
      SecretSpec: MessageTypeDefinition<_shoal_api_SecretSpec, _shoal_api_SecretSpec__Output>
      Service: MessageTypeDefinition<_shoal_api_Service, _shoal_api_Service__Output>
      ServiceSpec: MessageTypeDefinition<_shoal_api_ServiceSpec, _shoal_api_ServiceSpec__Output>
      Task: MessageTypeDefinition<_shoal_api_Task, _shoal_api_Task__Output>
      TaskSpec: MessageTypeDefinition<_shoal_api_TaskSpec, _shoal_api_TaskSpec__Output>
      TaskState: EnumTypeDefinition
      TaskStatus: MessageTypeDefinition<_shoal_api_TaskStatus, _shoal_api_TaskStatus__Output>
      UpdateConfig: MessageTypeDefinition<_shoal_api_UpdateConfig, _shoal_api_UpdateConfig__Output>
      UpdateStatus: MessageTypeDefinition<_shoal_api_UpdateStatus, _shoal_api_UpdateStatus__Output>
      VirtualIP: MessageTypeDefinition<_shoal_api_VirtualIP, _shoal_api_VirtualIP__Output>
    }
    dispatcher: {
      Assignment: MessageTypeDefinition<_shoal_dispatcher_Assignment, _shoal_dispatcher_Assignment__Output>
      AssignmentChange: MessageTypeDefinition<_shoal_dispatcher_AssignmentChange, _shoal_dispatcher_AssignmentChange__Output>
      AssignmentsMessage: MessageTypeDefinition<_shoal_dispatcher_AssignmentsMessage, _shoal_dispatcher_AssignmentsMessage__Output>
      AssignmentsRequest: MessageTypeDefinition<_shoal_dispatcher_AssignmentsRequest, _shoal_dispatcher_AssignmentsRequest__Output>
      Dispatcher: SubtypeConstructor<typeof grpc.Client, _shoal_dispatcher_DispatcherClient> & { service: _shoal_dispatcher_DispatcherDefinition }
      HeartbeatRequest: MessageTypeDefinition<_shoal_dispatcher_HeartbeatRequest, _shoal_dispatcher_HeartbeatRequest__Output>
      HeartbeatResponse: MessageTypeDefinition<_shoal_dispatcher_HeartbeatResponse, _shoal_dispatcher_HeartbeatResponse__Output>
      LogSubscription: MessageTypeDefinition<_shoal_dispatcher_LogSubscription, _shoal_dispatcher_LogSubscription__Output>
      LogSubscriptionsRequest: MessageTypeDefinition<_shoal_dispatcher_LogSubscriptionsRequest, _shoal_dispatcher_LogSubscriptionsRequest__Output>
      PublishLogsMessage: MessageTypeDefinition<_shoal_dispatcher_PublishLogsMessage, _shoal_dispatcher_PublishLogsMessage__Output>
      PublishLogsResponse: MessageTypeDefinition<_shoal_dispatcher_PublishLogsResponse, _shoal_dispatcher_PublishLogsResponse__Output>
      RegisterRequest: MessageTypeDefinition<_shoal_dispatcher_RegisterRequest, _shoal_dispatcher_RegisterRequest__Output>
      RegisterResponse: MessageTypeDefinition<_shoal_dispatcher_RegisterResponse, _shoal_dispatcher_RegisterResponse__Output>
      TaskStatusUpdate: MessageTypeDefinition<_shoal_dispatcher_TaskStatusUpdate, _shoal_dispatcher_TaskStatusUpdate__Output>
      UpdateTaskStatusRequest: MessageTypeDefinition<_shoal_dispatcher_UpdateTaskStatusRequest, _shoal_dispatcher_UpdateTaskStatusRequest__Output>
      UpdateTaskStatusResponse: MessageTypeDefinition<_shoal_dispatcher_UpdateTaskStatusResponse, _shoal_dispatcher_UpdateTaskStatusResponse__Output>
      WeightedPeer: MessageTypeDefinition<_shoal_dispatcher_WeightedPeer, _shoal_dispatcher_WeightedPeer__Output>
    }
  }
}

