package no.siva.programflyt.support;

import io.camunda.client.annotation.JobWorker;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Jobs are delivered at least once. In every test that runs the application, each worker method runs twice for each
 * job it gets: the first run's effects are done and its completion is lost, as when a job times out after its side
 * effect and is delivered again; the second run's result completes the job. The process tests' exact counts (rows,
 * e-mails, letters, ledger lines, tasks) then show that a second delivery has no effect of its own. On in the test
 * profile; off in the benchmark, which is compiled with the tests.
 */
@Component
@ConditionalOnProperty(name = "programflyt.test.redeliver-every-job", havingValue = "true")
public class RedeliverEveryJob implements BeanPostProcessor {

    private static final Map<String, AtomicInteger> REDELIVERED = new ConcurrentHashMap<>();
    private static final Set<String> WRAPPED = ConcurrentHashMap.newKeySet();

    /** How many times a job of this type has been delivered a second time in this JVM. */
    public static int redelivered(String jobType) {
        AtomicInteger n = REDELIVERED.get(jobType);
        return n == null ? 0 : n.get();
    }

    /** The job types whose worker methods run twice. */
    public static Set<String> wrappedJobTypes() {
        return Set.copyOf(WRAPPED);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = AopUtils.getTargetClass(bean);
        if (!type.getPackageName().startsWith("no.siva.programflyt")
                || Arrays.stream(type.getMethods()).noneMatch(m -> m.isAnnotationPresent(JobWorker.class))) {
            return bean;
        }
        Arrays.stream(type.getMethods()).map(m -> m.getAnnotation(JobWorker.class)).filter(a -> a != null)
                .forEach(a -> WRAPPED.add(a.type()));
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice((MethodInterceptor) call -> {
            Method method = call.getMethod();
            JobWorker worker = AopUtils.getMostSpecificMethod(method, type).getAnnotation(JobWorker.class);
            if (worker == null) {
                return call.proceed();
            }
            AopUtils.invokeJoinpointUsingReflection(bean, method, call.getArguments()); // effect done, completion lost
            REDELIVERED.computeIfAbsent(worker.type(), t -> new AtomicInteger()).incrementAndGet();
            return call.proceed(); // delivered again
        });
        return proxy.getProxy(type.getClassLoader());
    }
}
