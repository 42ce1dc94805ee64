/**
 * What every backstage4j client shares: configuration ({@link dev.backstage4j.core.ClientConfig}),
 * credentials ({@link dev.backstage4j.core.CredentialsProvider}), the unchecked
 * {@link dev.backstage4j.core.BackstageException} family and lazy paging ({@link dev.backstage4j.core.PagedIterable}).
 *
 * <pre>{@code
 * ClientConfig config = ClientConfig.builder()
 *     .baseUrl("https://backstage.example.com")
 *     .credentials(CredentialsProvider.staticToken(System.getenv("BACKSTAGE_TOKEN")))
 *     .retry(RetryOptions.builder().maxRetries(5).build())
 *     .build();
 * }</pre>
 *
 * <p>Everything is non-null unless documented otherwise.
 */
package dev.backstage4j.core;
