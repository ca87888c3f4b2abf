using System.Text.Json;

namespace Peregrine.Plugins.CloudTrail.Fields;

/// <summary>
/// The image IDs of the EC2 instances an event involves (ec2.imageids, and ec2.imageid as its first).
/// They come from the response's instancesSet when there is one (RunInstances), else from the one
/// image ID some requests carry (DeregisterImage, DescribeFastLaunchImages, RequestSpotInstances).
/// </summary>
internal static class ImageIds
{
    /// <summary>
    /// Adds the IDs to <paramref name="found"/>: every non-empty one when <paramref name="index"/> is
    /// null, else only the one at that position. Returns whether there is any.
    /// </summary>
    public static bool Collect(LazyRecord root, ulong? index, List<JsonElement> found)
    {
        found.Clear();
        if (root.TryGet("responseElements"u8, "instancesSet"u8, "items"u8, out var items))
        {
            return FromInstances(items, index, found);
        }

        // A request names a single image: only position 0 exists.
        if (index is { } position && position != 0)
        {
            return false;
        }

        if (root.TryGet("requestParameters"u8, "imageId"u8, out var image)
            || (root.TryGet("requestParameters"u8, "DescribeFastLaunchImagesRequest"u8, "ImageId"u8, out var fastLaunch)
                && JsonValues.TryGet(fastLaunch, "content"u8, out image))
            || root.TryGet("requestParameters"u8, "launchSpecification"u8, "imageId"u8, out image))
        {
            found.Add(image);
            return true;
        }

        return false;
    }

    private static bool FromInstances(JsonElement items, ulong? index, List<JsonElement> found)
    {
        if (items.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        if (index is { } position)
        {
            // An indexed instance without an imageId has no value; one with a non-text imageId reads as empty.
            if (position >= (ulong)items.GetArrayLength() || !JsonValues.TryGet(items[(int)position], "imageId"u8, out var image))
            {
                return false;
            }

            found.Add(image);
            return true;
        }

        foreach (var item in items.EnumerateArray())
        {
            if (JsonValues.TryGet(item, "imageId"u8, out var image) && JsonValues.IsNonEmptyString(image))
            {
                found.Add(image);
            }
        }

        return found.Count > 0;
    }
}
