using System.Buffers;
using System.Text.Json;
using Peregrine.Sdk;

namespace Peregrine.Plugins.CloudTrail.Fields;

/// <summary>
/// Answers one field of one record. A missing member means no value (shown as &lt;NA&gt;);
/// a present member that is not text reads as empty text, as upstream. Buffers are reused across
/// calls, so plain fields allocate nothing.
/// </summary>
internal sealed class FieldExtractor
{
    private readonly ArrayBufferWriter<byte> _json = new(1024);
    private readonly List<JsonElement> _images = [];

    public void Extract(LazyRecord root, FieldId field, in FieldRequest request, ref FieldWriter values)
    {
        switch (field)
        {
            case FieldId.CtId: Member(root, "eventID"u8, ref values); break;
            case FieldId.CtError: Member(root, "errorCode"u8, ref values); break;
            case FieldId.CtErrorMessage: Member(root, "errorMessage"u8, ref values); break;
            case FieldId.CtTime: Member(root, "eventTime"u8, ref values); break;
            case FieldId.CtSrc: Member(root, "eventSource"u8, ref values); break;
            case FieldId.CtShortSrc: ShortSource(root, ref values); break;
            case FieldId.CtName: Member(root, "eventName"u8, ref values); break;
            case FieldId.CtUser: UserIdentity.User(root).WriteTo(ref values); break;
            case FieldId.CtOriginalUser: UserIdentity.OriginalUser(root).WriteTo(ref values); break;
            case FieldId.CtUserAccountId:
                if (!Member(root, "userIdentity"u8, "accountId"u8, ref values))
                {
                    Member(root, "recipientAccountId"u8, ref values);
                }

                break;
            case FieldId.CtUserIdentityType: Member(root, "userIdentity"u8, "type"u8, ref values); break;
            case FieldId.CtUserPrincipalId: Member(root, "userIdentity"u8, "principalId"u8, ref values); break;
            case FieldId.CtUserArn: Member(root, "userIdentity"u8, "arn"u8, ref values); break;
            case FieldId.CtRegion: Member(root, "awsRegion"u8, ref values); break;
            case FieldId.CtResponseSubnetId: Member(root, "responseElements"u8, "subnetId"u8, ref values); break;
            case FieldId.CtResponseReservationId: Member(root, "responseElements"u8, "reservationId"u8, ref values); break;
            case FieldId.CtResponse: Compact(root, "responseElements"u8, ref values); break;
            case FieldId.CtRequestAvailabilityZone: Request(root, "availabilityZone"u8, ref values); break;
            case FieldId.CtRequestCluster: Request(root, "cluster"u8, ref values); break;
            case FieldId.CtRequestFunctionName: Request(root, "functionName"u8, ref values); break;
            case FieldId.CtRequestGroupName: Request(root, "groupName"u8, ref values); break;
            case FieldId.CtRequestHost: Request(root, "Host"u8, ref values); break;
            case FieldId.CtRequestName: Request(root, "name"u8, ref values); break;
            case FieldId.CtRequestPolicy: Request(root, "policy"u8, ref values); break;
            case FieldId.CtRequestReason: Request(root, "reason"u8, ref values); break;
            case FieldId.CtRequestTarget: Request(root, "target"u8, ref values); break;
            case FieldId.CtRequestDocumentName:
                // Upstream 0.17.1 declares this field but its extractor matches a differently cased
                // name, so it never yields a value; kept for identical rule behaviour. Reading
                // requestParameters.documentName here would be the one-line fix.
                break;
            case FieldId.CtRequestSerialNumber: Request(root, "serialNumber"u8, ref values); break;
            case FieldId.CtRequestServiceName: Request(root, "serviceName"u8, ref values); break;
            case FieldId.CtRequestSubnetId: Request(root, "subnetId"u8, ref values); break;
            case FieldId.CtRequestTaskDefinition: Request(root, "taskDefinition"u8, ref values); break;
            case FieldId.CtRequestUserName: Request(root, "userName"u8, ref values); break;
            case FieldId.CtRequest: Compact(root, "requestParameters"u8, ref values); break;
            case FieldId.CtSrcIp: Member(root, "sourceIPAddress"u8, ref values); break;
            case FieldId.CtUserAgent: Member(root, "userAgent"u8, ref values); break;
            case FieldId.CtInfo: values.Write(EventSummary.Info(root)); break;
            case FieldId.CtManagementEvent: Flag(root, "managementEvent"u8, ref values); break;
            case FieldId.CtReadOnly: Flag(root, "readOnly"u8, ref values); break;
            case FieldId.CtRequestId: Member(root, "requestID"u8, ref values); break;
            case FieldId.CtEventType: Member(root, "eventType"u8, ref values); break;
            case FieldId.CtApiVersion: Member(root, "apiVersion"u8, ref values); break;
            case FieldId.CtResources: Resources(root, ref values); break;
            case FieldId.CtRecipientAccountId: Member(root, "recipientAccountId"u8, ref values); break;
            case FieldId.CtServiceEventDetails: Member(root, "serviceEventDetails"u8, ref values); break;
            case FieldId.CtSharedEventId: Member(root, "sharedEventID"u8, ref values); break;
            case FieldId.CtVpcEndpointId: Member(root, "vpcEndpointId"u8, ref values); break;
            case FieldId.CtEventCategory: Member(root, "eventCategory"u8, ref values); break;
            case FieldId.CtAddendumReason: Member(root, "addendum"u8, "reason"u8, ref values); break;
            case FieldId.CtAddendumUpdatedFields: Member(root, "addendum"u8, "updatedFields"u8, ref values); break;
            case FieldId.CtAddendumOriginalRequestId: Member(root, "addendum"u8, "originalRequestID"u8, ref values); break;
            case FieldId.CtAddendumOriginalEventId: Member(root, "addendum"u8, "originalEventID"u8, ref values); break;
            case FieldId.CtSessionCredentialFromConsole: Flag(root, "sessionCredentialFromConsole"u8, ref values); break;
            case FieldId.CtEdgeDeviceDetails: Member(root, "edgeDeviceDetails"u8, ref values); break;
            case FieldId.CtTlsVersion: Member(root, "tlsDetails"u8, "tlsVersion"u8, ref values); break;
            case FieldId.CtTlsCipherSuite: Member(root, "tlsDetails"u8, "cipherSuite"u8, ref values); break;
            case FieldId.CtTlsClientProvidedHostHeader: Member(root, "tlsDetails"u8, "clientProvidedHostHeader"u8, ref values); break;
            case FieldId.CtAdditionalEventData: Compact(root, "additionalEventData"u8, ref values); break;
            case FieldId.S3Uri:
                if (S3Values.Uri(root) is { } uri)
                {
                    values.Write(uri);
                }

                break;
            case FieldId.S3Bucket: Request(root, "bucketName"u8, ref values); break;
            case FieldId.S3Key: Request(root, "key"u8, ref values); break;
            case FieldId.S3Bytes:
                if (S3Values.TryBytesTotal(root, out var total))
                {
                    values.Write(total);
                }

                break;
            case FieldId.S3BytesIn:
                if (S3Values.TryBytesIn(root, out var bytesIn))
                {
                    values.Write(bytesIn);
                }

                break;
            case FieldId.S3BytesOut:
                if (S3Values.TryBytesOut(root, out var bytesOut))
                {
                    values.Write(bytesOut);
                }

                break;
            case FieldId.S3CntGet: OneIf(S3Values.EventNameIs(root, "GetObject"u8), ref values); break;
            case FieldId.S3CntPut: OneIf(S3Values.EventNameIs(root, "PutObject"u8), ref values); break;
            case FieldId.S3CntOther:
                OneIf(!S3Values.EventNameIs(root, "GetObject"u8) && !S3Values.EventNameIs(root, "PutObject"u8), ref values);
                break;
            case FieldId.Ec2Name: InstanceName(root, ref values); break;
            case FieldId.Ec2ImageId:
                if (ImageIds.Collect(root, 0, _images))
                {
                    JsonValues.WriteText(_images[0], ref values);
                }

                break;
            case FieldId.Ec2ImageIds:
                if (ImageIds.Collect(root, request.ArgumentIndex, _images))
                {
                    values.BeginList(_images.Count);
                    foreach (var image in _images)
                    {
                        JsonValues.WriteText(image, ref values);
                    }
                }

                break;
            case FieldId.EcrRepository: Request(root, "repositoryName"u8, ref values); break;
            case FieldId.EcrImageTag: Request(root, "imageTag"u8, ref values); break;
            case FieldId.IamRole: Request(root, "roleName"u8, ref values); break;
            case FieldId.IamPolicy: Request(root, "policyName"u8, ref values); break;
        }
    }

    private static bool Member(LazyRecord root, ReadOnlySpan<byte> name, ref FieldWriter values)
    {
        if (!root.TryGetMember(name, out var value))
        {
            return false;
        }

        value.WriteText(ref values);
        return true;
    }

    private static bool Member(LazyRecord root, ReadOnlySpan<byte> parent, ReadOnlySpan<byte> name, ref FieldWriter values)
    {
        if (!root.TryGet(parent, name, out var value))
        {
            return false;
        }

        JsonValues.WriteText(value, ref values);
        return true;
    }

    private static void Request(LazyRecord root, ReadOnlySpan<byte> name, ref FieldWriter values) =>
        Member(root, "requestParameters"u8, name, ref values);

    private static void ShortSource(LazyRecord root, ref FieldWriter values)
    {
        if (root.TryGetMember("eventSource"u8, out var source))
        {
            values.Write(EventSummary.ShortSource(source.TextOf()));
        }
    }

    private static void Flag(LazyRecord root, ReadOnlySpan<byte> name, ref FieldWriter values)
    {
        if (root.TryGetMember(name, out var value))
        {
            values.Write(value.TrueOrFalse());
        }
    }

    private static void OneIf(bool condition, ref FieldWriter values)
    {
        if (condition)
        {
            values.Write(1UL);
        }
    }

    private void Compact(LazyRecord root, ReadOnlySpan<byte> name, ref FieldWriter values)
    {
        if (!root.TryGetMember(name, out var value))
        {
            return;
        }

        _json.ResetWrittenCount();
        value.AppendCompact(_json);
        values.WriteUtf8(_json.WrittenSpan);
    }

    // Each resource as compact JSON, comma-separated; an empty or non-array list has no value.
    private void Resources(LazyRecord root, ref FieldWriter values)
    {
        if (!root.TryGet("resources"u8, out var resources)
            || resources.ValueKind != JsonValueKind.Array || resources.GetArrayLength() == 0)
        {
            return;
        }

        _json.ResetWrittenCount();
        var first = true;
        foreach (var resource in resources.EnumerateArray())
        {
            if (!first)
            {
                _json.Write(","u8);
            }

            first = false;
            JsonValues.AppendCompact(resource, _json);
        }

        values.WriteUtf8(_json.WrittenSpan);
    }

    // The Name tag of the instances being created; when several instance specifications name
    // one, the last wins. An empty name is no name.
    private static void InstanceName(LazyRecord root, ref FieldWriter values)
    {
        if (!root.TryGet("requestParameters"u8, "tagSpecificationSet"u8, "items"u8, out var items)
            || items.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        JsonElement name = default;
        foreach (var item in items.EnumerateArray())
        {
            if (!JsonValues.TryGet(item, "resourceType"u8, out var type) || type.ValueKind != JsonValueKind.String
                || !type.ValueEquals("instance"u8)
                || !JsonValues.TryGet(item, "tags"u8, out var tags) || tags.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var tag in tags.EnumerateArray())
            {
                if (JsonValues.TryGet(tag, "key"u8, out var key) && key.ValueKind == JsonValueKind.String && key.ValueEquals("Name"u8))
                {
                    name = JsonValues.TryGet(tag, "value"u8, out var value) ? value : default;
                    break;
                }
            }
        }

        if (JsonValues.IsNonEmptyString(name))
        {
            JsonValues.WriteText(name, ref values);
        }
    }
}
