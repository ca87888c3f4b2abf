namespace Peregrine.Plugins.CloudTrail.Aws;

/// <summary>An S3 object to read.</summary>
internal readonly record struct S3ObjectRef(string Bucket, string Key)
{
    public override string ToString() => $"s3://{Bucket}/{Key}";
}
