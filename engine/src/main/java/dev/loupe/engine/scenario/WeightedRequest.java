package dev.loupe.engine.scenario;

/**
 * One entry of {@code load.mix}: a request and how often it is sent relative to the others. With
 * weights 3 and 1, three requests in four are the first.
 *
 * @param weight the relative share, 1..1000
 * @param request the request; unset fields in the file come from {@code load.request}
 */
public record WeightedRequest(int weight, RequestTemplate request) {
    public WeightedRequest {
        FieldChecks checks = new FieldChecks("load.mix[]");
        checks.range(ScenarioLimits.MIX_WEIGHT, weight);
        checks.present("request", request, "a request");
        checks.done();
    }
}
