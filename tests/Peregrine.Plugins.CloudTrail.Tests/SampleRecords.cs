namespace Peregrine.Plugins.CloudTrail.Tests;

/// <summary>
/// Hand-written CloudTrail records in AWS's documented record format
/// (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
/// </summary>
internal static class SampleRecords
{
    /// <summary>An IAM user downloads an S3 object (a data event).</summary>
    public const string S3GetObject = """
        {
          "eventVersion": "1.09",
          "userIdentity": {
            "type": "IAMUser", "principalId": "AIDAEXAMPLEALICE", "arn": "arn:aws:iam::111122223333:user/alice",
            "accountId": "111122223333", "accessKeyId": "AKIAEXAMPLE", "userName": "alice"
          },
          "eventTime": "2024-03-01T12:00:00Z",
          "eventSource": "s3.amazonaws.com",
          "eventName": "GetObject",
          "awsRegion": "us-east-1",
          "sourceIPAddress": "192.0.2.10",
          "userAgent": "[aws-cli/2.15.0]",
          "requestParameters": {
            "bucketName": "amzn-s3-demo-bucket",
            "Host": "amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com",
            "key": "reports/q1.csv"
          },
          "responseElements": null,
          "additionalEventData": { "SignatureVersion": "SigV4", "bytesTransferredIn": 0, "bytesTransferredOut": 2048.0, "x-amz-id-2": "abc" },
          "requestID": "REQ-S3-1",
          "eventID": "11111111-2222-3333-4444-555555555555",
          "readOnly": true,
          "resources": [
            { "type": "AWS::S3::Object", "ARN": "arn:aws:s3:::amzn-s3-demo-bucket/reports/q1.csv" },
            { "accountId": "111122223333", "type": "AWS::S3::Bucket", "ARN": "arn:aws:s3:::amzn-s3-demo-bucket" }
          ],
          "eventType": "AwsApiCall",
          "managementEvent": false,
          "recipientAccountId": "111122223333",
          "sharedEventID": "shared-0001",
          "vpcEndpointId": "vpce-0a1b2c3d",
          "eventCategory": "Data",
          "tlsDetails": {
            "tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256",
            "clientProvidedHostHeader": "amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com"
          }
        }
        """;

    /// <summary>A role session launches EC2 instances (a management event with request and response elements).</summary>
    public const string RunInstances = """
        {
          "eventVersion": "1.09",
          "userIdentity": {
            "type": "AssumedRole", "principalId": "AROAEXAMPLEROLE:bob-session",
            "arn": "arn:aws:sts::111122223333:assumed-role/Admin/bob-session", "accountId": "111122223333",
            "sessionContext": {
              "sessionIssuer": { "type": "Role", "principalId": "AROAEXAMPLEROLE", "arn": "arn:aws:iam::111122223333:role/Admin", "accountId": "111122223333", "userName": "Admin" },
              "attributes": { "creationDate": "2024-03-01T11:00:00Z", "mfaAuthenticated": "false" }
            }
          },
          "eventTime": "2024-03-01T12:05:00Z",
          "eventSource": "ec2.amazonaws.com",
          "eventName": "RunInstances",
          "awsRegion": "eu-west-1",
          "sourceIPAddress": "198.51.100.7",
          "userAgent": "console.ec2.amazonaws.com",
          "requestParameters": {
            "instancesSet": { "items": [ { "imageId": "ami-0abc", "minCount": 1, "maxCount": 2 } ] },
            "availabilityZone": "eu-west-1a",
            "subnetId": "subnet-req",
            "tagSpecificationSet": { "items": [
              { "resourceType": "volume", "tags": [ { "key": "Name", "value": "disk" } ] },
              { "resourceType": "instance", "tags": [ { "key": "team", "value": "red" }, { "key": "Name", "value": "web-1" } ] }
            ] }
          },
          "responseElements": {
            "requestId": "r-1", "reservationId": "r-0123", "subnetId": "subnet-resp",
            "instancesSet": { "items": [ { "instanceId": "i-1", "imageId": "ami-0abc" }, { "instanceId": "i-2", "imageId": "ami-0def" }, { "instanceId": "i-3" } ] }
          },
          "requestID": "REQ-EC2-1",
          "eventID": "e-run",
          "readOnly": false,
          "eventType": "AwsApiCall",
          "apiVersion": "2016-11-15",
          "managementEvent": true,
          "recipientAccountId": "111122223333",
          "eventCategory": "Management",
          "sessionCredentialFromConsole": true
        }
        """;

    /// <summary>A failed root console sign-in (no userName: root identities have none).</summary>
    public const string RootConsoleLogin = """
        {
          "eventVersion": "1.09",
          "userIdentity": { "type": "Root", "principalId": "111122223333", "arn": "arn:aws:iam::111122223333:root", "accountId": "111122223333" },
          "eventTime": "2024-03-01T12:10:00Z",
          "eventSource": "signin.amazonaws.com",
          "eventName": "ConsoleLogin",
          "awsRegion": "us-east-1",
          "sourceIPAddress": "203.0.113.5",
          "userAgent": "Mozilla/5.0",
          "errorCode": "Failed authentication",
          "errorMessage": "Failed authentication",
          "requestParameters": null,
          "responseElements": { "ConsoleLogin": "Failure" },
          "additionalEventData": { "LoginTo": "https://console.aws.amazon.com/console/home", "MobileVersion": "No", "MFAUsed": "No" },
          "eventID": "e-login",
          "readOnly": false,
          "eventType": "AwsConsoleSignIn",
          "managementEvent": true,
          "recipientAccountId": "111122223333",
          "eventCategory": "Management",
          "sessionCredentialFromConsole": "true"
        }
        """;

    /// <summary>A service acting on its own (AWSService identity), delivered late with an addendum.</summary>
    public const string ServiceEvent = """
        {
          "eventVersion": "1.08",
          "userIdentity": { "accountId": "111122223333", "invokedBy": "ssm.amazonaws.com", "type": "AWSService" },
          "eventTime": "2024-03-01T12:15:00Z",
          "eventSource": "ssm.amazonaws.com",
          "eventName": "SendCommand",
          "awsRegion": "us-west-2",
          "sourceIPAddress": "ssm.amazonaws.com",
          "userAgent": "ssm.amazonaws.com",
          "requestParameters": { "documentName": "AWS-RunShellScript", "target": "i-0123", "reason": "patching" },
          "responseElements": null,
          "eventID": "e-svc",
          "readOnly": false,
          "eventType": "AwsServiceEvent",
          "managementEvent": true,
          "recipientAccountId": "111122223333",
          "serviceEventDetails": { "state": "done" },
          "edgeDeviceDetails": "snowball-1",
          "addendum": { "reason": "DELIVERY_DELAY", "updatedFields": "requestParameters", "originalRequestID": "orig-req", "originalEventID": "orig-ev" }
        }
        """;

    /// <summary>An IAM user making a call whose request carries many of the named parameters.</summary>
    public const string ManyRequestParameters = """
        {
          "eventVersion": "1.09",
          "userIdentity": { "type": "IAMUser", "principalId": "AIDAEXAMPLECAROL", "arn": "arn:aws:iam::111122223333:user/carol", "userName": "carol" },
          "eventTime": "2024-03-01T12:20:00.250+01:00",
          "eventSource": "custom.example",
          "eventName": "PutEverything",
          "awsRegion": "ap-south-1",
          "sourceIPAddress": "192.0.2.99",
          "errorCode": "AccessDenied",
          "errorMessage": "User: carol is not authorized",
          "requestParameters": {
            "cluster": "prod", "functionName": "fn-1", "groupName": "admins", "name": "thing-1",
            "policy": "{\"Version\":\"2012-10-17\"}", "serialNumber": "arn:aws:iam::111122223333:mfa/carol",
            "serviceName": "svc-1", "taskDefinition": "td:3", "userName": "dave", "repositoryName": "repo-1",
            "imageTag": "v1.2", "roleName": "role-1", "policyName": "policy-1", "imageId": "ami-0single"
          },
          "eventID": "e-many",
          "readOnly": false,
          "eventType": "AwsApiCall",
          "recipientAccountId": "444455556666"
        }
        """;
}
