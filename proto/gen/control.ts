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
import type { ControlClient as _shoal_api_ControlClient, ControlDefinition as _shoal_api_ControlDefinition } from './shoal/api/Control';
import type { CreateConfigRequest as _shoal_api_CreateConfigRequest, CreateConfigRequest__Output as _shoal_api_CreateConfigRequest__Output } from './shoal/api/CreateConfigRequest';
import type { CreateConfigResponse as _shoal_api_CreateConfigResponse, CreateConfigResponse__Output as _shoal_api_CreateConfigResponse__Output } from './shoal/api/CreateConfigResponse';
import type { CreateNetworkRequest as _shoal_api_CreateNetworkRequest, CreateNetworkRequest__Output as _shoal_api_CreateNetworkRequest__Output } from './shoal/api/CreateNetworkRequest';
import type { CreateNetworkResponse as _shoal_api_CreateNetworkResponse, CreateNetworkResponse__Output as _shoal_api_CreateNetworkResponse__Output } from './shoal/api/CreateNetworkResponse';
import type { CreateSecretRequest as _shoal_api_CreateSecretRequest, CreateSecretRequest__Output as _shoal_api_CreateSecretRequest__Output } from './shoal/api/CreateSecretRequest';
import type { CreateSecretResponse as _shoal_api_CreateSecretResponse, CreateSecretResponse__Output as _shoal_api_CreateSecretResponse__Output } from './shoal/api/CreateSecretResponse';
import type { CreateServiceRequest as _shoal_api_CreateServiceRequest, CreateServiceRequest__Output as _shoal_api_CreateServiceRequest__Output } from './shoal/api/CreateServiceRequest';
import type { CreateServiceResponse as _shoal_api_CreateServiceResponse, CreateServiceResponse__Output as _shoal_api_CreateServiceResponse__Output } from './shoal/api/CreateServiceResponse';
import type { DispatcherConfig as _shoal_api_DispatcherConfig, DispatcherConfig__Output as _shoal_api_DispatcherConfig__Output } from './shoal/api/DispatcherConfig';
import type { Endpoint as _shoal_api_Endpoint, Endpoint__Output as _shoal_api_Endpoint__Output } from './shoal/api/Endpoint';
import type { EndpointSpec as _shoal_api_EndpointSpec, EndpointSpec__Output as _shoal_api_EndpointSpec__Output } from './shoal/api/EndpointSpec';
import type { EngineDescription as _shoal_api_EngineDescription, EngineDescription__Output as _shoal_api_EngineDescription__Output } from './shoal/api/EngineDescription';
import type { FileTarget as _shoal_api_FileTarget, FileTarget__Output as _shoal_api_FileTarget__Output } from './shoal/api/FileTarget';
import type { GetClusterRequest as _shoal_api_GetClusterRequest, GetClusterRequest__Output as _shoal_api_GetClusterRequest__Output } from './shoal/api/GetClusterRequest';
import type { GetClusterResponse as _shoal_api_GetClusterResponse, GetClusterResponse__Output as _shoal_api_GetClusterResponse__Output } from './shoal/api/GetClusterResponse';
import type { GetConfigRequest as _shoal_api_GetConfigRequest, GetConfigRequest__Output as _shoal_api_GetConfigRequest__Output } from './shoal/api/GetConfigRequest';
import type { GetConfigResponse as _shoal_api_GetConfigResponse, GetConfigResponse__Output as _shoal_api_GetConfigResponse__Output } from './shoal/api/GetConfigResponse';
import type { GetNetworkRequest as _shoal_api_GetNetworkRequest, GetNetworkRequest__Output as _shoal_api_GetNetworkRequest__Output } from './shoal/api/GetNetworkRequest';
import type { GetNetworkResponse as _shoal_api_GetNetworkResponse, GetNetworkResponse__Output as _shoal_api_GetNetworkResponse__Output } from './shoal/api/GetNetworkResponse';
import type { GetNodeRequest as _shoal_api_GetNodeRequest, GetNodeRequest__Output as _shoal_api_GetNodeRequest__Output } from './shoal/api/GetNodeRequest';
import type { GetNodeResponse as _shoal_api_GetNodeResponse, GetNodeResponse__Output as _shoal_api_GetNodeResponse__Output } from './shoal/api/GetNodeResponse';
import type { GetSecretRequest as _shoal_api_GetSecretRequest, GetSecretRequest__Output as _shoal_api_GetSecretRequest__Output } from './shoal/api/GetSecretRequest';
import type { GetSecretResponse as _shoal_api_GetSecretResponse, GetSecretResponse__Output as _shoal_api_GetSecretResponse__Output } from './shoal/api/GetSecretResponse';
import type { GetServiceRequest as _shoal_api_GetServiceRequest, GetServiceRequest__Output as _shoal_api_GetServiceRequest__Output } from './shoal/api/GetServiceRequest';
import type { GetServiceResponse as _shoal_api_GetServiceResponse, GetServiceResponse__Output as _shoal_api_GetServiceResponse__Output } from './shoal/api/GetServiceResponse';
import type { GetTaskRequest as _shoal_api_GetTaskRequest, GetTaskRequest__Output as _shoal_api_GetTaskRequest__Output } from './shoal/api/GetTaskRequest';
import type { GetTaskResponse as _shoal_api_GetTaskResponse, GetTaskResponse__Output as _shoal_api_GetTaskResponse__Output } from './shoal/api/GetTaskResponse';
import type { GlobalJob as _shoal_api_GlobalJob, GlobalJob__Output as _shoal_api_GlobalJob__Output } from './shoal/api/GlobalJob';
import type { GlobalService as _shoal_api_GlobalService, GlobalService__Output as _shoal_api_GlobalService__Output } from './shoal/api/GlobalService';
import type { HealthConfig as _shoal_api_HealthConfig, HealthConfig__Output as _shoal_api_HealthConfig__Output } from './shoal/api/HealthConfig';
import type { IPAMConfig as _shoal_api_IPAMConfig, IPAMConfig__Output as _shoal_api_IPAMConfig__Output } from './shoal/api/IPAMConfig';
import type { IPAMOptions as _shoal_api_IPAMOptions, IPAMOptions__Output as _shoal_api_IPAMOptions__Output } from './shoal/api/IPAMOptions';
import type { JoinTokens as _shoal_api_JoinTokens, JoinTokens__Output as _shoal_api_JoinTokens__Output } from './shoal/api/JoinTokens';
import type { KeyRotation as _shoal_api_KeyRotation, KeyRotation__Output as _shoal_api_KeyRotation__Output } from './shoal/api/KeyRotation';
import type { ListClustersRequest as _shoal_api_ListClustersRequest, ListClustersRequest__Output as _shoal_api_ListClustersRequest__Output } from './shoal/api/ListClustersRequest';
import type { ListClustersResponse as _shoal_api_ListClustersResponse, ListClustersResponse__Output as _shoal_api_ListClustersResponse__Output } from './shoal/api/ListClustersResponse';
import type { ListConfigsRequest as _shoal_api_ListConfigsRequest, ListConfigsRequest__Output as _shoal_api_ListConfigsRequest__Output } from './shoal/api/ListConfigsRequest';
import type { ListConfigsResponse as _shoal_api_ListConfigsResponse, ListConfigsResponse__Output as _shoal_api_ListConfigsResponse__Output } from './shoal/api/ListConfigsResponse';
import type { ListFilters as _shoal_api_ListFilters, ListFilters__Output as _shoal_api_ListFilters__Output } from './shoal/api/ListFilters';
import type { ListNetworksRequest as _shoal_api_ListNetworksRequest, ListNetworksRequest__Output as _shoal_api_ListNetworksRequest__Output } from './shoal/api/ListNetworksRequest';
import type { ListNetworksResponse as _shoal_api_ListNetworksResponse, ListNetworksResponse__Output as _shoal_api_ListNetworksResponse__Output } from './shoal/api/ListNetworksResponse';
import type { ListNodesRequest as _shoal_api_ListNodesRequest, ListNodesRequest__Output as _shoal_api_ListNodesRequest__Output } from './shoal/api/ListNodesRequest';
import type { ListNodesResponse as _shoal_api_ListNodesResponse, ListNodesResponse__Output as _shoal_api_ListNodesResponse__Output } from './shoal/api/ListNodesResponse';
import type { ListSecretsRequest as _shoal_api_ListSecretsRequest, ListSecretsRequest__Output as _shoal_api_ListSecretsRequest__Output } from './shoal/api/ListSecretsRequest';
import type { ListSecretsResponse as _shoal_api_ListSecretsResponse, ListSecretsResponse__Output as _shoal_api_ListSecretsResponse__Output } from './shoal/api/ListSecretsResponse';
import type { ListServicesRequest as _shoal_api_ListServicesRequest, ListServicesRequest__Output as _shoal_api_ListServicesRequest__Output } from './shoal/api/ListServicesRequest';
import type { ListServicesResponse as _shoal_api_ListServicesResponse, ListServicesResponse__Output as _shoal_api_ListServicesResponse__Output } from './shoal/api/ListServicesResponse';
import type { ListTasksRequest as _shoal_api_ListTasksRequest, ListTasksRequest__Output as _shoal_api_ListTasksRequest__Output } from './shoal/api/ListTasksRequest';
import type { ListTasksResponse as _shoal_api_ListTasksResponse, ListTasksResponse__Output as _shoal_api_ListTasksResponse__Output } from './shoal/api/ListTasksResponse';
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
import type { RemoveConfigRequest as _shoal_api_RemoveConfigRequest, RemoveConfigRequest__Output as _shoal_api_RemoveConfigRequest__Output } from './shoal/api/RemoveConfigRequest';
import type { RemoveConfigResponse as _shoal_api_RemoveConfigResponse, RemoveConfigResponse__Output as _shoal_api_RemoveConfigResponse__Output } from './shoal/api/RemoveConfigResponse';
import type { RemoveNetworkRequest as _shoal_api_RemoveNetworkRequest, RemoveNetworkRequest__Output as _shoal_api_RemoveNetworkRequest__Output } from './shoal/api/RemoveNetworkRequest';
import type { RemoveNetworkResponse as _shoal_api_RemoveNetworkResponse, RemoveNetworkResponse__Output as _shoal_api_RemoveNetworkResponse__Output } from './shoal/api/RemoveNetworkResponse';
import type { RemoveNodeRequest as _shoal_api_RemoveNodeRequest, RemoveNodeRequest__Output as _shoal_api_RemoveNodeRequest__Output } from './shoal/api/RemoveNodeRequest';
import type { RemoveNodeResponse as _shoal_api_RemoveNodeResponse, RemoveNodeResponse__Output as _shoal_api_RemoveNodeResponse__Output } from './shoal/api/RemoveNodeResponse';
import type { RemoveSecretRequest as _shoal_api_RemoveSecretRequest, RemoveSecretRequest__Output as _shoal_api_RemoveSecretRequest__Output } from './shoal/api/RemoveSecretRequest';
import type { RemoveSecretResponse as _shoal_api_RemoveSecretResponse, RemoveSecretResponse__Output as _shoal_api_RemoveSecretResponse__Output } from './shoal/api/RemoveSecretResponse';
import type { RemoveServiceRequest as _shoal_api_RemoveServiceRequest, RemoveServiceRequest__Output as _shoal_api_RemoveServiceRequest__Output } from './shoal/api/RemoveServiceRequest';
import type { RemoveServiceResponse as _shoal_api_RemoveServiceResponse, RemoveServiceResponse__Output as _shoal_api_RemoveServiceResponse__Output } from './shoal/api/RemoveServiceResponse';
import type { RemoveTaskRequest as _shoal_api_RemoveTaskRequest, RemoveTaskRequest__Output as _shoal_api_RemoveTaskRequest__Output } from './shoal/api/RemoveTaskRequest';
import type { RemoveTaskResponse as _shoal_api_RemoveTaskResponse, RemoveTaskResponse__Output as _shoal_api_RemoveTaskResponse__Output } from './shoal/api/RemoveTaskResponse';
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
import type { ServiceStatus as _shoal_api_ServiceStatus, ServiceStatus__Output as _shoal_api_ServiceStatus__Output } from './shoal/api/ServiceStatus';
import type { SubscribeLogsMessage as _shoal_api_SubscribeLogsMessage, SubscribeLogsMessage__Output as _shoal_api_SubscribeLogsMessage__Output } from './shoal/api/SubscribeLogsMessage';
import type { SubscribeLogsRequest as _shoal_api_SubscribeLogsRequest, SubscribeLogsRequest__Output as _shoal_api_SubscribeLogsRequest__Output } from './shoal/api/SubscribeLogsRequest';
import type { Task as _shoal_api_Task, Task__Output as _shoal_api_Task__Output } from './shoal/api/Task';
import type { TaskSpec as _shoal_api_TaskSpec, TaskSpec__Output as _shoal_api_TaskSpec__Output } from './shoal/api/TaskSpec';
import type { TaskStatus as _shoal_api_TaskStatus, TaskStatus__Output as _shoal_api_TaskStatus__Output } from './shoal/api/TaskStatus';
import type { UpdateClusterRequest as _shoal_api_UpdateClusterRequest, UpdateClusterRequest__Output as _shoal_api_UpdateClusterRequest__Output } from './shoal/api/UpdateClusterRequest';
import type { UpdateClusterResponse as _shoal_api_UpdateClusterResponse, UpdateClusterResponse__Output as _shoal_api_UpdateClusterResponse__Output } from './shoal/api/UpdateClusterResponse';
import type { UpdateConfig as _shoal_api_UpdateConfig, UpdateConfig__Output as _shoal_api_UpdateConfig__Output } from './shoal/api/UpdateConfig';
import type { UpdateConfigRequest as _shoal_api_UpdateConfigRequest, UpdateConfigRequest__Output as _shoal_api_UpdateConfigRequest__Output } from './shoal/api/UpdateConfigRequest';
import type { UpdateConfigResponse as _shoal_api_UpdateConfigResponse, UpdateConfigResponse__Output as _shoal_api_UpdateConfigResponse__Output } from './shoal/api/UpdateConfigResponse';
import type { UpdateNetworkRequest as _shoal_api_UpdateNetworkRequest, UpdateNetworkRequest__Output as _shoal_api_UpdateNetworkRequest__Output } from './shoal/api/UpdateNetworkRequest';
import type { UpdateNetworkResponse as _shoal_api_UpdateNetworkResponse, UpdateNetworkResponse__Output as _shoal_api_UpdateNetworkResponse__Output } from './shoal/api/UpdateNetworkResponse';
import type { UpdateNodeRequest as _shoal_api_UpdateNodeRequest, UpdateNodeRequest__Output as _shoal_api_UpdateNodeRequest__Output } from './shoal/api/UpdateNodeRequest';
import type { UpdateNodeResponse as _shoal_api_UpdateNodeResponse, UpdateNodeResponse__Output as _shoal_api_UpdateNodeResponse__Output } from './shoal/api/UpdateNodeResponse';
import type { UpdateSecretRequest as _shoal_api_UpdateSecretRequest, UpdateSecretRequest__Output as _shoal_api_UpdateSecretRequest__Output } from './shoal/api/UpdateSecretRequest';
import type { UpdateSecretResponse as _shoal_api_UpdateSecretResponse, UpdateSecretResponse__Output as _shoal_api_UpdateSecretResponse__Output } from './shoal/api/UpdateSecretResponse';
import type { UpdateServiceRequest as _shoal_api_UpdateServiceRequest, UpdateServiceRequest__Output as _shoal_api_UpdateServiceRequest__Output } from './shoal/api/UpdateServiceRequest';
import type { UpdateServiceResponse as _shoal_api_UpdateServiceResponse, UpdateServiceResponse__Output as _shoal_api_UpdateServiceResponse__Output } from './shoal/api/UpdateServiceResponse';
import type { UpdateStatus as _shoal_api_UpdateStatus, UpdateStatus__Output as _shoal_api_UpdateStatus__Output } from './shoal/api/UpdateStatus';
import type { VirtualIP as _shoal_api_VirtualIP, VirtualIP__Output as _shoal_api_VirtualIP__Output } from './shoal/api/VirtualIP';
import type { WatchEntry as _shoal_api_WatchEntry, WatchEntry__Output as _shoal_api_WatchEntry__Output } from './shoal/api/WatchEntry';
import type { WatchEvent as _shoal_api_WatchEvent, WatchEvent__Output as _shoal_api_WatchEvent__Output } from './shoal/api/WatchEvent';
import type { WatchMessage as _shoal_api_WatchMessage, WatchMessage__Output as _shoal_api_WatchMessage__Output } from './shoal/api/WatchMessage';
import type { WatchRequest as _shoal_api_WatchRequest, WatchRequest__Output as _shoal_api_WatchRequest__Output } from './shoal/api/WatchRequest';

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
      Control: SubtypeConstructor<typeof grpc.Client, _shoal_api_ControlClient> & { service: _shoal_api_ControlDefinition }
      CreateConfigRequest: MessageTypeDefinition<_shoal_api_CreateConfigRequest, _shoal_api_CreateConfigRequest__Output>
      CreateConfigResponse: MessageTypeDefinition<_shoal_api_CreateConfigResponse, _shoal_api_CreateConfigResponse__Output>
      CreateNetworkRequest: MessageTypeDefinition<_shoal_api_CreateNetworkRequest, _shoal_api_CreateNetworkRequest__Output>
      CreateNetworkResponse: MessageTypeDefinition<_shoal_api_CreateNetworkResponse, _shoal_api_CreateNetworkResponse__Output>
      CreateSecretRequest: MessageTypeDefinition<_shoal_api_CreateSecretRequest, _shoal_api_CreateSecretRequest__Output>
      CreateSecretResponse: MessageTypeDefinition<_shoal_api_CreateSecretResponse, _shoal_api_CreateSecretResponse__Output>
      CreateServiceRequest: MessageTypeDefinition<_shoal_api_CreateServiceRequest, _shoal_api_CreateServiceRequest__Output>
      CreateServiceResponse: MessageTypeDefinition<_shoal_api_CreateServiceResponse, _shoal_api_CreateServiceResponse__Output>
      DispatcherConfig: MessageTypeDefinition<_shoal_api_DispatcherConfig, _shoal_api_DispatcherConfig__Output>
      Endpoint: MessageTypeDefinition<_shoal_api_Endpoint, _shoal_api_Endpoint__Output>
      EndpointSpec: MessageTypeDefinition<_shoal_api_EndpointSpec, _shoal_api_EndpointSpec__Output>
      EngineDescription: MessageTypeDefinition<_shoal_api_EngineDescription, _shoal_api_EngineDescription__Output>
      FileTarget: MessageTypeDefinition<_shoal_api_FileTarget, _shoal_api_FileTarget__Output>
      GetClusterRequest: MessageTypeDefinition<_shoal_api_GetClusterRequest, _shoal_api_GetClusterRequest__Output>
      GetClusterResponse: MessageTypeDefinition<_shoal_api_GetClusterResponse, _shoal_api_GetClusterResponse__Output>
      GetConfigRequest: MessageTypeDefinition<_shoal_api_GetConfigRequest, _shoal_api_GetConfigRequest__Output>
      GetConfigResponse: MessageTypeDefinition<_shoal_api_GetConfigResponse, _shoal_api_GetConfigResponse__Output>
      GetNetworkRequest: MessageTypeDefinition<_shoal_api_GetNetworkRequest, _shoal_api_GetNetworkRequest__Output>
      GetNetworkResponse: MessageTypeDefinition<_shoal_api_GetNetworkResponse, _shoal_api_GetNetworkResponse__Output>
      GetNodeRequest: MessageTypeDefinition<_shoal_api_GetNodeRequest, _shoal_api_GetNodeRequest__Output>
      GetNodeResponse: MessageTypeDefinition<_shoal_api_GetNodeResponse, _shoal_api_GetNodeResponse__Output>
      GetSecretRequest: MessageTypeDefinition<_shoal_api_GetSecretRequest, _shoal_api_GetSecretRequest__Output>
      GetSecretResponse: MessageTypeDefinition<_shoal_api_GetSecretResponse, _shoal_api_GetSecretResponse__Output>
      GetServiceRequest: MessageTypeDefinition<_shoal_api_GetServiceRequest, _shoal_api_GetServiceRequest__Output>
      GetServiceResponse: MessageTypeDefinition<_shoal_api_GetServiceResponse, _shoal_api_GetServiceResponse__Output>
      GetTaskRequest: MessageTypeDefinition<_shoal_api_GetTaskRequest, _shoal_api_GetTaskRequest__Output>
      GetTaskResponse: MessageTypeDefinition<_shoal_api_GetTaskResponse, _shoal_api_GetTaskResponse__Output>
      GlobalJob: MessageTypeDefinition<_shoal_api_GlobalJob, _shoal_api_GlobalJob__Output>
      GlobalService: MessageTypeDefinition<_shoal_api_GlobalService, _shoal_api_GlobalService__Output>
      HealthConfig: MessageTypeDefinition<_shoal_api_HealthConfig, _shoal_api_HealthConfig__Output>
      IPAMConfig: MessageTypeDefinition<_shoal_api_IPAMConfig, _shoal_api_IPAMConfig__Output>
      IPAMOptions: MessageTypeDefinition<_shoal_api_IPAMOptions, _shoal_api_IPAMOptions__Output>
      JoinTokens: MessageTypeDefinition<_shoal_api_JoinTokens, _shoal_api_JoinTokens__Output>
      KeyRotation: MessageTypeDefinition<_shoal_api_KeyRotation, _shoal_api_KeyRotation__Output>
      ListClustersRequest: MessageTypeDefinition<_shoal_api_ListClustersRequest, _shoal_api_ListClustersRequest__Output>
      ListClustersResponse: MessageTypeDefinition<_shoal_api_ListClustersResponse, _shoal_api_ListClustersResponse__Output>
      ListConfigsRequest: MessageTypeDefinition<_shoal_api_ListConfigsRequest, _shoal_api_ListConfigsRequest__Output>
      ListConfigsResponse: MessageTypeDefinition<_shoal_api_ListConfigsResponse, _shoal_api_ListConfigsResponse__Output>
      ListFilters: MessageTypeDefinition<_shoal_api_ListFilters, _shoal_api_ListFilters__Output>
      ListNetworksRequest: MessageTypeDefinition<_shoal_api_ListNetworksRequest, _shoal_api_ListNetworksRequest__Output>
      ListNetworksResponse: MessageTypeDefinition<_shoal_api_ListNetworksResponse, _shoal_api_ListNetworksResponse__Output>
      ListNodesRequest: MessageTypeDefinition<_shoal_api_ListNodesRequest, _shoal_api_ListNodesRequest__Output>
      ListNodesResponse: MessageTypeDefinition<_shoal_api_ListNodesResponse, _shoal_api_ListNodesResponse__Output>
      ListSecretsRequest: MessageTypeDefinition<_shoal_api_ListSecretsRequest, _shoal_api_ListSecretsRequest__Output>
      ListSecretsResponse: MessageTypeDefinition<_shoal_api_ListSecretsResponse, _shoal_api_ListSecretsResponse__Output>
      ListServicesRequest: MessageTypeDefinition<_shoal_api_ListServicesRequest, _shoal_api_ListServicesRequest__Output>
      ListServicesResponse: MessageTypeDefinition<_shoal_api_ListServicesResponse, _shoal_api_ListServicesResponse__Output>
      ListTasksRequest: MessageTypeDefinition<_shoal_api_ListTasksRequest, _shoal_api_ListTasksRequest__Output>
      ListTasksResponse: MessageTypeDefinition<_shoal_api_ListTasksResponse, _shoal_api_ListTasksResponse__Output>
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
      RemoveConfigRequest: MessageTypeDefinition<_shoal_api_RemoveConfigRequest, _shoal_api_RemoveConfigRequest__Output>
      RemoveConfigResponse: MessageTypeDefinition<_shoal_api_RemoveConfigResponse, _shoal_api_RemoveConfigResponse__Output>
      RemoveNetworkRequest: MessageTypeDefinition<_shoal_api_RemoveNetworkRequest, _shoal_api_RemoveNetworkRequest__Output>
      RemoveNetworkResponse: MessageTypeDefinition<_shoal_api_RemoveNetworkResponse, _shoal_api_RemoveNetworkResponse__Output>
      RemoveNodeRequest: MessageTypeDefinition<_shoal_api_RemoveNodeRequest, _shoal_api_RemoveNodeRequest__Output>
      RemoveNodeResponse: MessageTypeDefinition<_shoal_api_RemoveNodeResponse, _shoal_api_RemoveNodeResponse__Output>
      RemoveSecretRequest: MessageTypeDefinition<_shoal_api_RemoveSecretRequest, _shoal_api_RemoveSecretRequest__Output>
      RemoveSecretResponse: MessageTypeDefinition<_shoal_api_RemoveSecretResponse, _shoal_api_RemoveSecretResponse__Output>
      RemoveServiceRequest: MessageTypeDefinition<_shoal_api_RemoveServiceRequest, _shoal_api_RemoveServiceRequest__Output>
      RemoveServiceResponse: MessageTypeDefinition<_shoal_api_RemoveServiceResponse, _shoal_api_RemoveServiceResponse__Output>
      RemoveTaskRequest: MessageTypeDefinition<_shoal_api_RemoveTaskRequest, _shoal_api_RemoveTaskRequest__Output>
      RemoveTaskResponse: MessageTypeDefinition<_shoal_api_RemoveTaskResponse, _shoal_api_RemoveTaskResponse__Output>
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
      ServiceStatus: MessageTypeDefinition<_shoal_api_ServiceStatus, _shoal_api_ServiceStatus__Output>
      SubscribeLogsMessage: MessageTypeDefinition<_shoal_api_SubscribeLogsMessage, _shoal_api_SubscribeLogsMessage__Output>
      SubscribeLogsRequest: MessageTypeDefinition<_shoal_api_SubscribeLogsRequest, _shoal_api_SubscribeLogsRequest__Output>
      Task: MessageTypeDefinition<_shoal_api_Task, _shoal_api_Task__Output>
      TaskSpec: MessageTypeDefinition<_shoal_api_TaskSpec, _shoal_api_TaskSpec__Output>
      TaskState: EnumTypeDefinition
      TaskStatus: MessageTypeDefinition<_shoal_api_TaskStatus, _shoal_api_TaskStatus__Output>
      UpdateClusterRequest: MessageTypeDefinition<_shoal_api_UpdateClusterRequest, _shoal_api_UpdateClusterRequest__Output>
      UpdateClusterResponse: MessageTypeDefinition<_shoal_api_UpdateClusterResponse, _shoal_api_UpdateClusterResponse__Output>
      UpdateConfig: MessageTypeDefinition<_shoal_api_UpdateConfig, _shoal_api_UpdateConfig__Output>
      UpdateConfigRequest: MessageTypeDefinition<_shoal_api_UpdateConfigRequest, _shoal_api_UpdateConfigRequest__Output>
      UpdateConfigResponse: MessageTypeDefinition<_shoal_api_UpdateConfigResponse, _shoal_api_UpdateConfigResponse__Output>
      UpdateNetworkRequest: MessageTypeDefinition<_shoal_api_UpdateNetworkRequest, _shoal_api_UpdateNetworkRequest__Output>
      UpdateNetworkResponse: MessageTypeDefinition<_shoal_api_UpdateNetworkResponse, _shoal_api_UpdateNetworkResponse__Output>
      UpdateNodeRequest: MessageTypeDefinition<_shoal_api_UpdateNodeRequest, _shoal_api_UpdateNodeRequest__Output>
      UpdateNodeResponse: MessageTypeDefinition<_shoal_api_UpdateNodeResponse, _shoal_api_UpdateNodeResponse__Output>
      UpdateSecretRequest: MessageTypeDefinition<_shoal_api_UpdateSecretRequest, _shoal_api_UpdateSecretRequest__Output>
      UpdateSecretResponse: MessageTypeDefinition<_shoal_api_UpdateSecretResponse, _shoal_api_UpdateSecretResponse__Output>
      UpdateServiceRequest: MessageTypeDefinition<_shoal_api_UpdateServiceRequest, _shoal_api_UpdateServiceRequest__Output>
      UpdateServiceResponse: MessageTypeDefinition<_shoal_api_UpdateServiceResponse, _shoal_api_UpdateServiceResponse__Output>
      UpdateStatus: MessageTypeDefinition<_shoal_api_UpdateStatus, _shoal_api_UpdateStatus__Output>
      VirtualIP: MessageTypeDefinition<_shoal_api_VirtualIP, _shoal_api_VirtualIP__Output>
      WatchEntry: MessageTypeDefinition<_shoal_api_WatchEntry, _shoal_api_WatchEntry__Output>
      WatchEvent: MessageTypeDefinition<_shoal_api_WatchEvent, _shoal_api_WatchEvent__Output>
      WatchMessage: MessageTypeDefinition<_shoal_api_WatchMessage, _shoal_api_WatchMessage__Output>
      WatchRequest: MessageTypeDefinition<_shoal_api_WatchRequest, _shoal_api_WatchRequest__Output>
    }
  }
}

