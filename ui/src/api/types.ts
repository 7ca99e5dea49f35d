// The shapes the UI reads from Capstan's API (Argo CD's and Flux's objects, as stored).

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  resourceVersion?: string;
  creationTimestamp?: string;
}

export interface ApplicationSource {
  repoURL?: string;
  path?: string;
  targetRevision?: string;
  chart?: string;
}

export interface InitiatedBy {
  username?: string;
  automated?: boolean;
}

export interface HistoryEntry {
  id: number;
  revision?: string;
  revisions?: string[];
  deployedAt?: string;
  deployStartedAt?: string;
  source?: ApplicationSource;
  initiatedBy?: InitiatedBy;
}

export interface ResourceStatus {
  group?: string;
  version?: string;
  kind: string;
  namespace?: string;
  name: string;
  status?: string;
  health?: { status?: string; message?: string };
}

export interface Application {
  metadata: ObjectMeta;
  spec?: {
    project?: string;
    source?: ApplicationSource;
    sources?: ApplicationSource[];
    destination?: { server?: string; name?: string; namespace?: string };
    syncPolicy?: { automated?: { prune?: boolean; selfHeal?: boolean } | null };
  };
  status?: {
    sync?: { status?: string; revision?: string; revisions?: string[] };
    health?: { status?: string; message?: string };
    operationState?: {
      phase?: string;
      message?: string;
      startedAt?: string;
      finishedAt?: string;
      syncResult?: { revision?: string };
    };
    history?: HistoryEntry[];
    resources?: ResourceStatus[];
    conditions?: { type: string; message: string }[];
    reconciledAt?: string;
  };
  operation?: unknown;
}

export interface ListResponse<T> {
  metadata?: { continue?: string; remainingItemCount?: number };
  items: T[] | null;
}

export interface TreeNode {
  group?: string;
  version?: string;
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
  resourceVersion?: string;
  createdAt?: string;
  health?: { status?: string; message?: string };
  parentRefs?: { group?: string; kind: string; namespace?: string; name: string; uid?: string }[];
  info?: { name: string; value: string }[];
}

export interface ManagedResource {
  group?: string;
  kind: string;
  namespace?: string;
  name: string;
  targetState?: string;
  liveState?: string;
  normalizedLiveState?: string;
  predictedLiveState?: string;
  diff?: string;
  modified?: boolean;
  status?: string;
}

export interface KubeEvent {
  metadata: ObjectMeta;
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  source?: { component?: string };
}

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export interface FluxObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: {
    url?: string;
    ref?: { branch?: string; tag?: string; semver?: string; commit?: string; name?: string };
    interval?: string;
    path?: string;
    prune?: boolean;
    suspend?: boolean;
    sourceRef?: { kind?: string; name?: string; namespace?: string };
    targetNamespace?: string;
  };
  status?: {
    conditions?: Condition[];
    lastAppliedRevision?: string;
    lastAttemptedRevision?: string;
    artifact?: { revision?: string; lastUpdateTime?: string; url?: string };
    inventory?: { entries?: { id: string; v?: string }[] };
  };
}

export interface UserInfo {
  loggedIn: boolean;
  username?: string;
  iss?: string;
  groups?: string[];
}

export interface StreamEvent {
  result?: { type: "ADDED" | "MODIFIED" | "DELETED"; application: Application };
}
