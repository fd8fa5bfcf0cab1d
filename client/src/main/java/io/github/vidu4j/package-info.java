/**
 * vidu4j: the Java client for Vidu's enterprise image-generation API.
 *
 * <pre>{@code
 * try (ViduClient client = ViduClient.fromEnv()) {               // VIDU_API_KEY
 *   ReferenceToImageRequest request = new ReferenceToImageRequest()
 *       .model("viduq2").prompt("a red fox in the snow").resolution("2K");
 *   TaskCreations done = client.tasks().await(client.images().create(request).getTaskId());
 *   client.downloads().toFile(done.getCreations().get(0).getUrl(), Path.of("fox.png"));
 * }
 * }</pre>
 *
 * <p>Data types are the models generated from {@code openapi/vidu.yaml}, in {@code
 * io.github.vidu4j.model}. Every exception is a {@link io.github.vidu4j.core.ViduException}.
 */
@NullMarked
package io.github.vidu4j;

import org.jspecify.annotations.NullMarked;
