package io.github.vidu4j.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Tells whether the current attempt got as far as an open connection. OkHttp calls network
 * interceptors only once a connection is established, so an attempt that failed before this
 * interceptor ran cannot have reached the server; that is the one transport failure after which a
 * task creation may be sent again. Synchronous OkHttp calls run the whole chain on the calling
 * thread, hence the thread-local.
 */
final class SendTracker implements Interceptor {
  private static final ThreadLocal<boolean[]> CONNECTED = new ThreadLocal<>();

  /** Starts tracking an attempt on this thread. */
  public static void begin() {
    CONNECTED.set(new boolean[1]);
  }

  /** Whether the attempt begun on this thread reached an open connection. */
  public static boolean connected() {
    boolean[] flag = CONNECTED.get();
    return flag == null || flag[0];
  }

  /** Stops tracking on this thread. */
  public static void end() {
    CONNECTED.remove();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    boolean[] flag = CONNECTED.get();
    if (flag != null) {
      flag[0] = true;
    }
    return chain.proceed(chain.request());
  }
}
