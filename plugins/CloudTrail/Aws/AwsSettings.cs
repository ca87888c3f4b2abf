using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Amazon.S3;
using Amazon.SQS;

namespace Peregrine.Plugins.CloudTrail.Aws;

/// <summary>
/// The AWS settings of one open: region, credentials and endpoint resolved from the init config's
/// <c>aws</c> block and the usual AWS environment variables and shared files, and the S3 / SQS
/// clients built from them. Every client has bounded connect and request timeouts and a few
/// retries, and every call is also given a deadline (<see cref="CallTimeout"/>), so an unreachable
/// or silent endpoint fails the open or the batch instead of hanging it.
/// </summary>
internal sealed class AwsSettings
{
    /// <summary>The longest one AWS call (retries included) may take.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The longest a download may go without receiving a byte.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CredentialsTimeout = TimeSpan.FromSeconds(10);
    private const int MaxRetries = 2;

    private AwsSettings(string region, string? endpoint, AWSCredentials credentials)
    {
        Region = region;
        Endpoint = endpoint;
        Credentials = credentials;
    }

    public string Region { get; }

    /// <summary>The endpoint that replaces AWS's (aws.endpointUrl, else AWS_ENDPOINT_URL), or null.</summary>
    public string? Endpoint { get; }

    public AWSCredentials Credentials { get; }

    /// <summary>Where requests go, for messages.</summary>
    public string Target => Endpoint ?? $"AWS region {Region}";

    /// <summary>Resolves the settings; throws with what is missing and how to provide it.</summary>
    public static AwsSettings From(AwsOptions options)
    {
        var endpoint = NonEmpty(options.EndpointUrl) ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL"));
        if (endpoint is not null && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            throw new ArgumentException($"cloudtrail plugin error: the AWS endpoint '{endpoint}' is not an absolute URL");
        }

        var explicitProfile = NonEmpty(options.Profile) ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_PROFILE"));
        var profile = explicitProfile ?? "default";
        var credentialsFile = NonEmpty(options.Credentials) ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE"));
        var configFile = NonEmpty(options.Config) ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_CONFIG_FILE"))
            ?? Path.Join(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aws", "config");
        var profiles = new CredentialProfileStoreChain(credentialsFile);

        var region = NonEmpty(options.Region)
            ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_REGION"))
            ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"))
            ?? SharedConfigFile.Region(configFile, profile)
            ?? (profiles.TryGetProfile(profile, out var stored) ? stored.Region?.SystemName : null)
            // A custom endpoint (LocalStack, MinIO) does not care; requests are still signed for a region.
            ?? (endpoint is not null ? "us-east-1" : null)
            ?? throw new InvalidOperationException(
                "cloudtrail plugin error: no AWS region: set aws.region in the init config, AWS_REGION, or a region in the shared config profile");

        return new AwsSettings(region, endpoint, ResolveCredentials(profiles, explicitProfile, credentialsFile));
    }

    public AmazonS3Client CreateS3Client()
    {
        var config = new AmazonS3Config
        {
            // Custom endpoints are usually served without per-bucket host names.
            ForcePathStyle = Endpoint is not null,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        Apply(config);
        return new AmazonS3Client(Credentials, config);
    }

    public AmazonSQSClient CreateSqsClient()
    {
        var config = new AmazonSQSConfig();
        Apply(config);
        return new AmazonSQSClient(Credentials, config);
    }

    private void Apply(ClientConfig config)
    {
        if (Endpoint is not null)
        {
            config.ServiceURL = Endpoint;
            config.AuthenticationRegion = Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(Region);
        }

        config.ConnectTimeout = ConnectTimeout;
        config.Timeout = RequestTimeout;
        config.MaxErrorRetry = MaxRetries;
        config.RetryMode = RequestRetryMode.Standard;
    }

    // The order of the AWS SDKs: an explicitly chosen profile, then the environment's keys, then
    // the default profile, then the rest of the SDK's chain (web identity, container, instance
    // metadata), which is given a deadline because instance metadata can be slow to give up.
    private static AWSCredentials ResolveCredentials(CredentialProfileStoreChain profiles, string? explicitProfile, string? credentialsFile)
    {
        if (explicitProfile is not null)
        {
            return profiles.TryGetAWSCredentials(explicitProfile, out var fromProfile)
                ? fromProfile
                : throw new InvalidOperationException(
                    $"cloudtrail plugin error: AWS profile '{explicitProfile}' not found or without credentials in {credentialsFile ?? "the shared credentials and config files"}");
        }

        var keyId = NonEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"));
        var secret = NonEmpty(Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"));
        if (keyId is not null && secret is not null)
        {
            var token = NonEmpty(Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN"));
            return token is null ? new BasicAWSCredentials(keyId, secret) : new SessionAWSCredentials(keyId, secret, token);
        }

        if (profiles.TryGetAWSCredentials("default", out var fromDefault))
        {
            return fromDefault;
        }

        try
        {
            var resolving = Task.Run(() => DefaultAWSCredentialsIdentityResolver.GetCredentials(null));
            return resolving.Wait(CredentialsTimeout) && resolving.Result is { } found
                ? found
                : throw new TimeoutException($"nothing found within {CredentialsTimeout.TotalSeconds:0} s");
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                "cloudtrail plugin error: no AWS credentials found (looked at the environment, the shared credentials and config files, web identity, container and instance metadata):"
                + " set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, aws.profile, or a default profile in the shared credentials file", e);
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
