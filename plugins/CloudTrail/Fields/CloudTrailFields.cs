using Peregrine.Sdk;

namespace Peregrine.Plugins.CloudTrail.Fields;

/// <summary>
/// The fields the plugin offers. Names, types, list-ness, arguments, display names and properties
/// are upstream's 0.17.1 ones, so rules and outputs written for Falco bind the same way; the
/// descriptions are our own.
/// </summary>
internal static class CloudTrailFields
{
    private const PluginFieldType Text = PluginFieldType.String;
    private const PluginFieldType Count = PluginFieldType.UInt64;

    /// <summary>Every field, at the index of its <see cref="FieldId"/>.</summary>
    public static readonly FieldDefinition[] All = Build(
    [
        (FieldId.CtId, Field("ct.id", Text, "Event ID", "The record's eventID: a unique identifier of the event")),
        (FieldId.CtError, Field("ct.error", Text, "Error Code", "The record's errorCode; no value (shown as <NA>) when the call succeeded")),
        (FieldId.CtErrorMessage, Field("ct.errormessage", Text, "Error Message", "The record's errorMessage; no value (shown as <NA>) when the call succeeded")),
        (FieldId.CtTime, Field("ct.time", Text, "Timestamp", "The record's eventTime, as written in the log", PluginFieldProperties.Hidden)),
        (FieldId.CtSrc, Field("ct.src", Text, "AWS Service", "The record's eventSource: the service that received the call, e.g. s3.amazonaws.com")),
        (FieldId.CtShortSrc, Field("ct.shortsrc", Text, "AWS Service", "The record's eventSource with a trailing '.amazonaws.com' removed, e.g. s3")),
        (FieldId.CtName, Field("ct.name", Text, "Event Name", "The record's eventName: the API action, e.g. GetObject")),
        (FieldId.CtUser, Field("ct.user", Text, "User Name",
            "Who made the call: the userName of Root and IAMUser identities, the invoking service of AWSService ones, the issuing role's name for AssumedRole (else 'AssumedRole'), and 'AWSAccount' or 'FederatedUser' for those identity types",
            PluginFieldProperties.Conversation)),
        (FieldId.CtOriginalUser, Field("ct.originaluser", Text, "Original User Name",
            "The user name as CloudTrail records it: for AssumedRole identities the session name, taken from the last part of userIdentity.arn or else from userIdentity.principalId; for other identities userIdentity.userName")),
        (FieldId.CtUserAccountId, Field("ct.user.accountid", Text, "User Account ID", "The account ID of the caller (userIdentity.accountId, or recipientAccountId when that is missing)")),
        (FieldId.CtUserIdentityType, Field("ct.user.identitytype", Text, "User Identity Type", "The kind of identity that made the call (userIdentity.type), e.g. Root, IAMUser, AssumedRole, AWSService")),
        (FieldId.CtUserPrincipalId, Field("ct.user.principalid", Text, "User Principal Id", "The unique identifier of the caller (userIdentity.principalId)")),
        (FieldId.CtUserArn, Field("ct.user.arn", Text, "User ARN", "The ARN of the caller (userIdentity.arn)")),
        (FieldId.CtRegion, Field("ct.region", Text, "Region", "The record's awsRegion: the region the call was made to")),
        (FieldId.CtResponseSubnetId, Field("ct.response.subnetid", Text, "Response Subnet ID", "The subnetId in the response elements")),
        (FieldId.CtResponseReservationId, Field("ct.response.reservationid", Text, "Response Reservation ID", "The reservationId in the response elements")),
        (FieldId.CtResponse, Field("ct.response", Text, "Response Elements", "The record's responseElements, as compact JSON")),
        (FieldId.CtRequestAvailabilityZone, Field("ct.request.availabilityzone", Text, "Request Availability Zone", "The availabilityZone request parameter")),
        (FieldId.CtRequestCluster, Field("ct.request.cluster", Text, "Request Cluster", "The cluster request parameter")),
        (FieldId.CtRequestFunctionName, Field("ct.request.functionname", Text, "Request Function Name", "The functionName request parameter")),
        (FieldId.CtRequestGroupName, Field("ct.request.groupname", Text, "Request Group Name", "The groupName request parameter")),
        (FieldId.CtRequestHost, Field("ct.request.host", Text, "Request Host Name", "The Host request parameter")),
        (FieldId.CtRequestName, Field("ct.request.name", Text, "Host Name", "The name request parameter: the name of the entity acted on")),
        (FieldId.CtRequestPolicy, Field("ct.request.policy", Text, "Host Policy", "The policy request parameter")),
        (FieldId.CtRequestReason, Field("ct.request.reason", Text, "Request Reason", "The reason request parameter")),
        (FieldId.CtRequestTarget, Field("ct.request.target", Text, "Request Target", "The target request parameter")),
        (FieldId.CtRequestDocumentName, Field("ct.request.documentname", Text, "Request Document Name",
            "The documentName request parameter (as in upstream 0.17.1, this field never has a value)")),
        (FieldId.CtRequestSerialNumber, Field("ct.request.serialnumber", Text, "Request Serial Number", "The serialNumber request parameter")),
        (FieldId.CtRequestServiceName, Field("ct.request.servicename", Text, "Request Service", "The serviceName request parameter")),
        (FieldId.CtRequestSubnetId, Field("ct.request.subnetid", Text, "Request Subnet ID", "The subnetId request parameter")),
        (FieldId.CtRequestTaskDefinition, Field("ct.request.taskdefinition", Text, "Request Task Definition", "The taskDefinition request parameter")),
        (FieldId.CtRequestUserName, Field("ct.request.username", Text, "Request User Name", "The userName request parameter")),
        (FieldId.CtRequest, Field("ct.request", Text, "Request Parameters", "The record's requestParameters, as compact JSON")),
        (FieldId.CtSrcIp, Field("ct.srcip", Text, "Source IP", "The record's sourceIPAddress: the caller's address, or a service name for calls made by AWS services", PluginFieldProperties.Conversation)),
        (FieldId.CtUserAgent, Field("ct.useragent", Text, "User Agent", "The record's userAgent: the tool or SDK that made the call")),
        (FieldId.CtInfo, Field("ct.info", Text, "Info", "A one-line summary of the event: who, from where, read or write, which action, and for some actions what it touched", PluginFieldProperties.Info)),
        (FieldId.CtManagementEvent, Field("ct.managementevent", Text, "Management Event", "'true' when the record is a management event (managementEvent), 'false' otherwise")),
        (FieldId.CtReadOnly, Field("ct.readonly", Text, "Read Only", "'true' when the call only reads state (readOnly), 'false' when it changes it")),
        (FieldId.CtRequestId, Field("ct.requestid", Text, "Request ID", "The record's requestID: the identifier the service gave the request")),
        (FieldId.CtEventType, Field("ct.eventtype", Text, "Event Type", "The record's eventType, e.g. AwsApiCall, AwsConsoleSignIn, AwsServiceEvent")),
        (FieldId.CtApiVersion, Field("ct.apiversion", Text, "API Version", "The record's apiVersion: the service API version of an AwsApiCall")),
        (FieldId.CtResources, Field("ct.resources", Text, "Resources", "The record's resources, each as compact JSON, separated by commas")),
        (FieldId.CtRecipientAccountId, Field("ct.recipientaccountid", Text, "Recipient Account Id", "The record's recipientAccountId: the account that received the event")),
        (FieldId.CtServiceEventDetails, Field("ct.serviceeventdetails", Text, "Service Event Details", "The record's serviceEventDetails when it is text (empty when it is an object, as upstream)")),
        (FieldId.CtSharedEventId, Field("ct.sharedeventid", Text, "Shared Event ID", "The record's sharedEventID: links the copies of one event delivered to several accounts")),
        (FieldId.CtVpcEndpointId, Field("ct.vpcendpointid", Text, "VPC Endpoint ID", "The record's vpcEndpointId: the VPC endpoint the request went through")),
        (FieldId.CtEventCategory, Field("ct.eventcategory", Text, "Event Category", "The record's eventCategory, e.g. Management, Data, Insight")),
        (FieldId.CtAddendumReason, Field("ct.addendum.reason", Text, "Reason", "The addendum's reason: why the event or part of it was delivered late")),
        (FieldId.CtAddendumUpdatedFields, Field("ct.addendum.updatedfields", Text, "Updated Fields", "The addendum's updatedFields: the record fields the addendum changes")),
        (FieldId.CtAddendumOriginalRequestId, Field("ct.addendum.originalrequestid", Text, "Original Request ID", "The addendum's originalRequestID: the request ID of the original event")),
        (FieldId.CtAddendumOriginalEventId, Field("ct.addendum.originaleventid", Text, "Original Event ID", "The addendum's originalEventID: the event ID of the original event")),
        (FieldId.CtSessionCredentialFromConsole, Field("ct.sessioncredentialfromconsole", Text, "Session Credential From Console", "'true' when the record's sessionCredentialFromConsole is the JSON value true, 'false' otherwise")),
        (FieldId.CtEdgeDeviceDetails, Field("ct.edgedevicedetails", Text, "Edge Device Details", "The record's edgeDeviceDetails when it is text (empty when it is an object, as upstream)")),
        (FieldId.CtTlsVersion, Field("ct.tlsdetails.tlsversion", Text, "TLS Version", "The TLS version the request used (tlsDetails.tlsVersion)")),
        (FieldId.CtTlsCipherSuite, Field("ct.tlsdetails.ciphersuite", Text, "TLS Cipher Suite", "The TLS cipher suite the request used (tlsDetails.cipherSuite)")),
        (FieldId.CtTlsClientProvidedHostHeader, Field("ct.tlsdetails.clientprovidedhostheader", Text, "Client Provided Host Header", "The host name the client asked for (tlsDetails.clientProvidedHostHeader)")),
        (FieldId.CtAdditionalEventData, Field("ct.additionaleventdata", Text, "Additional Event Data", "The record's additionalEventData, as compact JSON")),
        (FieldId.S3Uri, Field("s3.uri", Text, "Key URI", "s3://<bucket>/<key> built from the bucketName and key request parameters", PluginFieldProperties.Conversation)),
        (FieldId.S3Bucket, Field("s3.bucket", Text, "Bucket Name", "The bucketName request parameter of S3 calls", PluginFieldProperties.Conversation)),
        (FieldId.S3Key, Field("s3.key", Text, "Key Name", "The key request parameter of S3 calls")),
        (FieldId.S3Bytes, Field("s3.bytes", Count, "Total Bytes", "Bytes transferred in and out by an S3 call (additionalEventData.bytesTransferredIn + bytesTransferredOut)")),
        (FieldId.S3BytesIn, Field("s3.bytes.in", Count, "Bytes In", "Bytes uploaded by an S3 call (additionalEventData.bytesTransferredIn)", PluginFieldProperties.Hidden)),
        (FieldId.S3BytesOut, Field("s3.bytes.out", Count, "Bytes Out", "Bytes downloaded by an S3 call (additionalEventData.bytesTransferredOut)", PluginFieldProperties.Hidden)),
        (FieldId.S3CntGet, Field("s3.cnt.get", Count, "N Get Ops", "1 for GetObject events; no value for other events", PluginFieldProperties.Hidden)),
        (FieldId.S3CntPut, Field("s3.cnt.put", Count, "N Put Ops", "1 for PutObject events; no value for other events", PluginFieldProperties.Hidden)),
        (FieldId.S3CntOther, Field("s3.cnt.other", Count, "N Other Ops", "1 for events other than GetObject and PutObject; no value for those two", PluginFieldProperties.Hidden)),
        (FieldId.Ec2Name, Field("ec2.name", Text, "Instance Name", "The Name tag given to the instances in the request's tag specifications")),
        (FieldId.Ec2ImageId, Field("ec2.imageid", Text, "Image Id", "Deprecated, use ec2.imageids[0]: the first image ID of the instances involved")),
        (FieldId.Ec2ImageIds, new FieldDefinition("ec2.imageids", Text, "The image IDs of the instances involved (from the response's instancesSet, else from the request); ec2.imageids[i] is the i-th")
        {
            Display = "Image Ids",
            IsList = true,
            Argument = FieldArgumentRules.Index,
        }),
        (FieldId.EcrRepository, Field("ecr.repository", Text, "ECR Repository name", "The repositoryName request parameter of ECR calls")),
        (FieldId.EcrImageTag, Field("ecr.imagetag", Text, "Image Tag", "The imageTag request parameter of ECR calls")),
        (FieldId.IamRole, Field("iam.role", Text, "IAM Role", "The roleName request parameter of IAM calls")),
        (FieldId.IamPolicy, Field("iam.policy", Text, "IAM Policy", "The policyName request parameter of IAM calls")),
    ]);

    private static FieldDefinition Field(string name, PluginFieldType type, string display, string description, PluginFieldProperties properties = PluginFieldProperties.None) =>
        new(name, type, description) { Display = display, Properties = properties };

    // Placing each definition by its id (rather than trusting the list order) makes a missing or
    // doubled field a type-initialization failure instead of a silently shifted index.
    private static FieldDefinition[] Build((FieldId Id, FieldDefinition Definition)[] entries)
    {
        var all = new FieldDefinition[Enum.GetValues<FieldId>().Length];
        foreach (var (id, definition) in entries)
        {
            if (all[(int)id] is not null)
            {
                throw new InvalidOperationException($"field {id} is defined twice");
            }

            all[(int)id] = definition;
        }

        var missing = Array.IndexOf(all, null);
        return missing < 0 ? all : throw new InvalidOperationException($"field {(FieldId)missing} is not defined");
    }
}
