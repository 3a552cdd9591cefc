package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import java.util.Optional;
import java.util.Set;

/**
 * An ELBv2 listener whose certificate does not fit its protocol: an HTTPS or TLS listener without a default
 * certificate, or an HTTP listener with one. CreateListener refuses both.
 */
@AutoService(Rule.class)
public final class LbListenerCertificateMismatch extends DslRule {
    public static final String ID = "lb-listener-certificate-mismatch";
    private static final Set<String> TERMINATES_TLS = Set.of("HTTPS", "TLS");

    public LbListenerCertificateMismatch() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("Load balancer listener without a certificate for HTTPS/TLS, or with one for HTTP")
                .prevents("ValidationError: A certificate must be specified for HTTPS listeners (or: A certificate "
                        + "cannot be specified for HTTP listeners)")
                .check(resources(Kind.LISTENER)
                        .should(haveACertificateExactlyWhenTerminatingTls())
                        .because("an HTTPS or TLS listener needs exactly one default certificate, an HTTP one none"))
                .fix("Give an HTTPS or TLS listener certificate_arn (Certificates: [{CertificateArn}]) from ACM; "
                        + "remove the certificate from an HTTP listener, or make it HTTPS.")
                .doc(DOC);
    }

    static ResourceCondition haveACertificateExactlyWhenTerminatingTls() {
        return ResourceCondition.of("have a default certificate exactly when its protocol is HTTPS or TLS",
                (listener, graph, events) -> {
                    Optional<Value> protocol = listener.property("protocol");
                    Optional<String> p = protocol.flatMap(v -> Values.resolvedString(v, graph))
                            .map(s -> s.toUpperCase(java.util.Locale.ROOT));
                    if (listener.isDataSource() || p.isEmpty()) {
                        return;
                    }
                    Truth certificate = hasCertificate(listener);
                    if (TERMINATES_TLS.contains(p.get()) && certificate == Truth.FALSE) {
                        events.violated(listener, listener.address() + " is a " + p.get() + " listener without a "
                                        + "default certificate: ELB refuses to create it", protocol.get().span(),
                                "protocol", p.get());
                    } else if (p.get().equals("HTTP") && certificate == Truth.TRUE) {
                        events.violated(listener, listener.address() + " is an HTTP listener with a certificate: "
                                        + "ELB refuses to create it", protocol.get().span(), "protocol", p.get());
                    }
                });
    }

    /** Terraform's {@code certificate_arn}, CloudFormation's {@code Certificates} list. */
    private static Truth hasCertificate(Resource listener) {
        Truth arn = Values.isSet(listener.property("certificate_arn"));
        Optional<Value> list = listener.property("certificates");
        Truth certificates = Values.isSet(list);
        if (certificates == Truth.TRUE && list.get() instanceof Value.ListValue l) {
            certificates = Truth.of(!l.items().isEmpty());
        }
        return arn.or(certificates);
    }

    private static final String DOC = """
            # lb-listener-certificate-mismatch

            An Application or Network Load Balancer listener (`aws_lb_listener`, `aws_alb_listener`,
            `AWS::ElasticLoadBalancingV2::Listener`) whose `protocol` / `Protocol` is `HTTPS` or `TLS` but which has
            no default certificate (`certificate_arn`; `Certificates`), or whose protocol is `HTTP` but which has
            one. Protocols are followed through variables and parameters; a listener whose protocol or certificate
            is not known before apply is not judged. Certificates added with `aws_lb_listener_certificate` /
            `AWS::ElasticLoadBalancingV2::ListenerCertificate` are extra certificates: they do not replace the
            default one.

            ## What AWS says

            The ELBv2 CreateListener API reference: an HTTPS or TLS listener takes exactly one default certificate.
            Without it CreateListener fails with `ValidationError: A certificate must be specified for HTTPS
            listeners`; an HTTP listener with a certificate fails with `ValidationError: A certificate cannot be
            specified for HTTP listeners`. The apply or the stack fails there, often after the load balancer
            itself was created.

            ## Bad

            ```hcl
            resource "aws_lb_listener" "https" {
              load_balancer_arn = aws_lb.web.arn
              port              = 443
              protocol          = "HTTPS"
              ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
              default_action {
                type             = "forward"
                target_group_arn = aws_lb_target_group.web.arn
              }
            }
            ```

            ```yaml
            Listener:
              Type: AWS::ElasticLoadBalancingV2::Listener
              Properties:
                LoadBalancerArn: !Ref LoadBalancer
                Port: 443
                Protocol: HTTPS
                DefaultActions:
                  - Type: forward
                    TargetGroupArn: !Ref TargetGroup
            ```

            ## Good

            ```hcl
            resource "aws_lb_listener" "https" {
              # ...
              protocol        = "HTTPS"
              certificate_arn = aws_acm_certificate_validation.web.certificate_arn
            }
            ```

            ```yaml
            Listener:
              Type: AWS::ElasticLoadBalancingV2::Listener
              Properties:
                Protocol: HTTPS
                Certificates:
                  - CertificateArn: !Ref Certificate
            ```

            ## Sources

            - Elastic Load Balancing API Reference, CreateListener (Certificates):
              https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html
            - The errors as Terraform prints them, e.g. in cn-terraform/terraform-aws-nexus#42 and
              awslabs/fargatecli#104.

            """ + RuleDocs.suppression(ID);
}
